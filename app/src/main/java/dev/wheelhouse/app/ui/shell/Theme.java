package dev.wheelhouse.app.ui.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.function.Supplier;
import javafx.application.Application;

/** The console's themes: AtlantaFX Primer, light and dark, under the console's own stylesheet. */
public enum Theme {
    LIGHT("Light", PrimerLight::new),
    DARK("Dark", PrimerDark::new);

    private final String title;
    private final Supplier<atlantafx.base.theme.Theme> theme;

    Theme(String title, Supplier<atlantafx.base.theme.Theme> theme) {
        this.title = title;
        this.theme = theme;
    }

    public String title() {
        return title;
    }

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }

    /** Sets the user-agent stylesheet of every window (FX thread). */
    public void apply() {
        Application.setUserAgentStylesheet(theme.get().getUserAgentStylesheet());
    }
}
