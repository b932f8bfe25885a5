package dev.cganstudio.model;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GanConfigTest {

    @Test
    void overrideReplacesOnlyTheNamedValues() {
        GanConfig fast = Preset.FAST.config();
        GanConfig changed = fast.override(Map.of("emaDecay", "0", "auxiliaryClassifier", "true",
                "discriminatorChannels", "16/32/64"));
        assertEquals(0, changed.emaDecay());
        assertTrue(changed.auxiliaryClassifier());
        assertFalse(fast.auxiliaryClassifier());
        assertEquals(List.of(16, 32, 64), changed.discriminatorChannels());
        assertEquals(fast.latentSize(), changed.latentSize());
        assertEquals(fast.generatorLearningRate(), changed.generatorLearningRate());
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Preset.FAST.config().override(Map.of("learningRate", "1")));
        assertTrue(error.getMessage().contains("found [learningRate]"), error.getMessage());
        assertTrue(error.getMessage().contains("generatorLearningRate"), error.getMessage());
    }

    @Test
    void aValueOfTheWrongTypeNamesTheHyperparameter() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Preset.FAST.config().override(Map.of("latentSize", "big")));
        assertEquals("expected a int for latentSize, found 'big'", error.getMessage());
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> Preset.FAST.config().override(Map.of("emaDecay", "1.5")));
        assertEquals("expected an EMA decay in [0, 1), found 1.5", range.getMessage());
    }

    @Test
    void presetsAreFoundByNameWhateverTheCase() {
        assertEquals(Preset.SEED, Preset.byName(" Seed "));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Preset.byName("huge"));
        assertEquals("expected a preset among seed, fast, found 'huge'", error.getMessage());
    }
}
