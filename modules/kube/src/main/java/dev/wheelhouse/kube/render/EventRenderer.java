package dev.wheelhouse.kube.render;

import dev.wheelhouse.core.cluster.Column;
import dev.wheelhouse.core.cluster.Health;
import dev.wheelhouse.core.cluster.ResourceRow;
import io.fabric8.kubernetes.api.model.Event;
import java.util.List;
import java.util.Locale;

/** Events as kubectl get events prints them (last seen, type, reason, object, message), warnings degraded. */
public final class EventRenderer implements Renderer<Event> {
    public static final List<Column> COLUMNS = List.of(
            Column.age("LAST SEEN"), Column.text("TYPE"), Column.text("REASON"), Column.text("OBJECT"),
            Column.text("MESSAGE"), Column.number("COUNT"), Column.age("FIRST SEEN"), Column.wide("SOURCE"),
            Column.wide("NAME"));

    @Override
    public ResourceRow render(Event e, Related related) {
        String first = Rows.age(e.getFirstTimestamp());
        if (first.isEmpty() && e.getEventTime() != null) {
            first = Rows.age(e.getEventTime().getTime());
        }
        String last = Rows.age(e.getLastTimestamp());
        if (last.isEmpty()) {
            last = first;
        }
        int count = Rows.nz(e.getCount());
        if (e.getSeries() != null) {
            if (e.getSeries().getLastObservedTime() != null) {
                last = Rows.age(e.getSeries().getLastObservedTime().getTime());
            }
            count = Rows.nz(e.getSeries().getCount());
        } else if (count == 0) {
            count = 1;
        }
        if (first.isEmpty()) {
            first = Rows.age(e);
            last = last.isEmpty() ? first : last;
        }
        var involved = e.getInvolvedObject();
        String object = involved == null ? ""
                : involved.getName() != null && !involved.getName().isEmpty()
                        ? Rows.nz(involved.getKind()).toLowerCase(Locale.ROOT) + "/" + involved.getName()
                        : Rows.nz(involved.getKind()).toLowerCase(Locale.ROOT);
        String source = e.getSource() != null && e.getSource().getComponent() != null
                ? e.getSource().getComponent() + (e.getSource().getHost() == null ? "" : ", " + e.getSource().getHost())
                : Rows.nz(e.getReportingComponent());
        String type = Rows.nz(e.getType());
        List<String> cells = List.of(last, type, Rows.nz(e.getReason()), object, Rows.nz(e.getMessage()).strip(),
                Integer.toString(count), first, source, e.getMetadata().getName());
        Health health = switch (type) {
            case "Warning" -> Health.DEGRADED;
            case "Normal" -> Health.HEALTHY;
            default -> Health.UNKNOWN;
        };
        return Rows.row("Event", e, cells, health, type, List.of(), "");
    }
}
