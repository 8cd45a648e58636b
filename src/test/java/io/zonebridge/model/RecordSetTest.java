package io.zonebridge.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link RecordSet}: values held packed read back exactly, sorted, and compare as the lists they are. */
class RecordSetTest {

    @Test
    void valuesReadBackSortedWhateverTheirLengthOrCharacters() {
        String long300 = "\"" + "x".repeat(300) + "\"";
        List<List<String>> cases = List.of(List.of("10.0.0.1"), List.of("10.0.0.2", "10.0.0.1"),
                List.of(long300, "\"a\""), List.of("\"caf\u00e9\"", "\"\""), List.of("\"\u4e2d\u6587\"", "\"b\""),
                List.of("\"\\000\\377\""));
        for (List<String> values : cases) {
            RecordSet set = RecordSet.of(RecordKey.of("a.example.", "TXT"), 300, values);
            List<String> sorted = new ArrayList<>(values);
            sorted.sort(null);
            assertEquals(sorted, set.values(), "values " + values);
            assertThrows(UnsupportedOperationException.class, () -> set.values().add("x"));
            assertEquals(set, RecordSet.of(RecordKey.of("a.example.", "TXT"), 300, sorted));
            assertEquals(set.hashCode(), RecordSet.of(RecordKey.of("a.example.", "TXT"), 300, sorted).hashCode());
        }
    }

    @Test
    void equalityIsThatOfKeyTtlValuesAliasAndRouting() {
        RecordSet set = RecordSet.of("a.example.", "A", 300, "10.0.0.1", "10.0.0.2");
        assertEquals(set, RecordSet.of("a.example.", "A", 300, "10.0.0.2", "10.0.0.1"));
        assertNotEquals(set, RecordSet.of("a.example.", "A", 300, "10.0.0.1"));
        assertNotEquals(set, RecordSet.of("a.example.", "A", 300, "10.0.0.1", "10.0.0.3"));
        assertNotEquals(set, RecordSet.of("a.example.", "A", 301, "10.0.0.1", "10.0.0.2"));
        assertNotEquals(set, RecordSet.of("b.example.", "A", 300, "10.0.0.1", "10.0.0.2"));
        assertNotEquals(set, new RecordSet(set.key(), 300L, set.values(), null, Routing.weighted(1)));
        assertTrue(set.sameIgnoringTtl(set.withTtl(60)));
        assertFalse(set.sameIgnoringTtl(RecordSet.of("a.example.", "A", 300, "10.0.0.1")));
        assertEquals("RecordSet[key=a.example. A, ttl=300, values=[10.0.0.1, 10.0.0.2], alias=null, routing="
                + Routing.SIMPLE + "]", set.toString());
    }

    @Test
    void randomValueListsReadBackAndCompareAsLists() {
        Random random = new Random(11);
        for (int round = 0; round < 2_000; round++) {
            List<String> a = randomValues(random);
            List<String> b = random.nextBoolean() ? new ArrayList<>(a) : randomValues(random);
            RecordSet x = RecordSet.of(RecordKey.of("r.example.", "TXT"), 60, a);
            RecordSet y = RecordSet.of(RecordKey.of("r.example.", "TXT"), 60, b);
            assertEquals(a.stream().sorted().toList(), x.values());
            assertEquals(x.values().equals(y.values()), x.equals(y), a + " vs " + b);
            if (x.equals(y)) {
                assertEquals(x.hashCode(), y.hashCode());
            }
        }
    }

    private static List<String> randomValues(Random random) {
        List<String> values = new ArrayList<>();
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            StringBuilder value = new StringBuilder();
            for (int c = random.nextInt(random.nextInt(10) == 0 ? 400 : 6); c > 0; c--) {
                value.append((char) (random.nextInt(8) == 0 ? random.nextInt(0x3000) : 'a' + random.nextInt(3)));
            }
            if (!values.contains(value.toString())) {
                values.add(value.toString());
            }
        }
        return values;
    }

    @Test
    void anAliasHasNoTtlNorValuesAndASetNeedsOneOrTheOther() {
        AliasTarget target = new AliasTarget("Z1", "lb.example.", false);
        RecordSet alias = RecordSet.alias("a.example.", "A", target);
        assertNull(alias.ttl());
        assertEquals(List.of(), alias.values());
        assertEquals(alias, RecordSet.alias("a.example.", "A", target));
        assertThrows(IllegalArgumentException.class, () -> new RecordSet(RecordKey.of("a.example.", "A"), 300L,
                List.of(), null, null));
        assertThrows(IllegalArgumentException.class, () -> new RecordSet(RecordKey.of("a.example.", "A"), 300L,
                List.of("10.0.0.1"), target, null));
        assertThrows(IllegalArgumentException.class, () -> new RecordSet(RecordKey.of("a.example.", "A"), null,
                List.of("10.0.0.1"), null, null));
        assertThrows(NullPointerException.class, () -> new RecordSet(null, 300L, List.of("10.0.0.1"), null, null));
    }

    @Test
    void theKeyIsBuiltEqualAndSetsOrderAsTheirKeysDo() {
        List<RecordSet> sets = List.of(RecordSet.of("a.example.", "A", 60, "10.0.0.1"),
                RecordSet.of("a.example.", "AAAA", 60, "2001:db8::1"),
                new RecordSet(new RecordKey("a.example.", "A", "east"), 60L, List.of("10.0.0.2"), null,
                        Routing.weighted(10)),
                new RecordSet(new RecordKey("a.example.", "A", "west"), 60L, List.of("10.0.0.3"), null,
                        Routing.weighted(20)),
                RecordSet.alias("b.example.", "A", new AliasTarget("Z1", "lb.example.", true)),
                RecordSet.of("a-b.example.", "TXT", 60, "\"x\""));
        assertEquals(new RecordKey("a.example.", "A", "east"), sets.get(2).key());
        assertEquals(Routing.weighted(10), sets.get(2).routing());
        assertEquals(Routing.SIMPLE, sets.get(0).routing());
        assertNull(sets.get(0).key().setIdentifier());
        assertNotEquals(sets.get(2), new RecordSet(new RecordKey("a.example.", "A", "east"), 60L,
                List.of("10.0.0.2"), null, Routing.weighted(11)));
        for (RecordSet a : sets) {
            for (RecordSet b : sets) {
                assertEquals(Integer.signum(a.key().compareTo(b.key())), Integer.signum(a.compareKeyTo(b)),
                        a + " against " + b);
                assertEquals(Integer.signum(a.key().compareTo(b.key())), Integer.signum(a.compareKeyTo(b.key())));
            }
        }
    }

    @Test
    void namesOfAnyCharactersReadBackAndOrderAsTheirKeysDo() {
        Random random = new Random(5);
        List<RecordSet> sets = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            StringBuilder name = new StringBuilder();
            for (int c = random.nextInt(random.nextInt(20) == 0 ? 200 : 4); c > 0; c--) {
                int kind = random.nextInt(10);
                name.append((char) (kind == 0 ? 0x80 + random.nextInt(0x80) : kind == 1 ? 0x100 + random.nextInt(0x2000)
                        : 'a' + random.nextInt(3)));
            }
            name.append('.');
            String type = random.nextBoolean() ? "A" : "TXT";
            String id = random.nextInt(4) == 0 ? "id" + random.nextInt(2) : null;
            List<String> values = List.of(random.nextBoolean() ? "v\u00e9" : "v\u4e2d");
            RecordSet set = new RecordSet(new RecordKey(name.toString(), type, id), 60L, values, null,
                    id == null ? null : Routing.weighted(1));
            assertEquals(name.toString(), set.name());
            assertTrue(set.hasName(name.toString()));
            assertFalse(set.hasName(name + "x."));
            assertEquals(new RecordKey(name.toString(), type, id), set.key());
            sets.add(set);
        }
        for (RecordSet a : sets) {
            for (RecordSet b : sets) {
                assertEquals(Integer.signum(a.key().compareTo(b.key())), Integer.signum(a.compareKeyTo(b)),
                        a + " against " + b);
                assertEquals(Integer.signum(a.key().compareTo(b.key())), Integer.signum(a.compareKeyTo(b.key())));
                assertEquals(a.key().equals(b.key()) && a.values().equals(b.values()), a.equals(b));
            }
        }
    }
}
