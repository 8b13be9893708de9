package dev.wheelhouse.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PatchesTest {
    private static JsonNode json(String s) {
        return Json.parse(s.replace('\'', '"'));
    }

    @Test
    void aMergePatchReplacesArraysAndDeletesWithNull() {
        JsonNode target = json("{'a':{'b':1,'c':2},'list':[1,2,3],'keep':true}");
        JsonNode patched = Patches.mergePatch(target, json("{'a':{'b':null,'d':4},'list':[9]}"));
        assertThat(patched).isEqualTo(json("{'a':{'c':2,'d':4},'list':[9],'keep':true}"));
        assertThat(target).as("the target is not modified").isEqualTo(json("{'a':{'b':1,'c':2},'list':[1,2,3],'keep':true}"));
    }

    @Test
    void aStrategicMergeMergesContainersByNameAndKeepsTheRest() {
        JsonNode target = json("{'spec':{'containers':[{'name':'app','image':'a:1','ports':[{'containerPort':80}]},"
                + "{'name':'sidecar','image':'s:1'}],'tolerations':[{'key':'x'}]}}");
        JsonNode patched = Patches.strategicMerge(target, json("{'spec':{'containers':[{'name':'app','image':'a:2'}],'tolerations':[{'key':'y'}]}}"));
        assertThat(patched).isEqualTo(json("{'spec':{'containers':[{'name':'app','image':'a:2','ports':[{'containerPort':80}]},"
                + "{'name':'sidecar','image':'s:1'}],'tolerations':[{'key':'y'}]}}"));
    }

    @Test
    void aStrategicMergeHonoursReplaceAndDeleteDirectives() {
        JsonNode target = json("{'spec':{'template':{'metadata':{'labels':{'a':'1'}},'spec':{'containers':[{'name':'app','image':'a:1'},{'name':'old'}]}}}}");
        JsonNode replaced = Patches.strategicMerge(target, json("{'spec':{'template':{'$patch':'replace','spec':{'containers':[{'name':'app','image':'a:0'}]}}}}"));
        assertThat(replaced).isEqualTo(json("{'spec':{'template':{'spec':{'containers':[{'name':'app','image':'a:0'}]}}}}"));
        JsonNode deleted = Patches.strategicMerge(target, json("{'spec':{'template':{'spec':{'containers':[{'name':'old','$patch':'delete'}],"
                + "'$setElementOrder/containers':[{'name':'app'}]}}}}"));
        assertThat(deleted.at("/spec/template/spec/containers")).isEqualTo(json("[{'name':'app','image':'a:1'}]"));
        assertThat(deleted.at("/spec/template/spec").has("$setElementOrder/containers")).isFalse();
    }
}
