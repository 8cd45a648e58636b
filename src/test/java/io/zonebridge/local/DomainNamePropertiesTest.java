package io.zonebridge.local;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Route 53 name normalisation: idempotent output form, escapes equivalent to raw input, sort keys. */
class DomainNamePropertiesTest {

    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> label = Arbitraries.strings().withChars("abcXYZ019-_*!$").ofMinLength(1).ofMaxLength(10);
        return label.list().ofMinSize(1).ofMaxSize(5).map(labels -> String.join(".", labels));
    }

    @Property
    void canonicalFormIsAFixedPoint(@ForAll("names") String raw) {
        String canonical = DomainName.parse(raw).canonical();
        assertEquals(canonical, DomainName.parse(canonical).canonical());
        assertTrue(canonical.endsWith("."));
        assertTrue(canonical.matches("[a-z0-9\\-_.\\\\]+"), canonical);
    }

    @Property
    void trailingDotAndCaseDoNotMatter(@ForAll("names") String raw) {
        assertEquals(DomainName.parse(raw.toLowerCase()), DomainName.parse(raw.toUpperCase() + "."));
    }

    @Property
    void reversedKeyOrdersAParentBeforeItsChildren(@ForAll("names") String raw) {
        DomainName name = DomainName.parse(raw);
        DomainName child = name.child("a");
        assertTrue(name.reversedKey().compareTo(child.reversedKey()) < 0);
        assertTrue(child.isWithin(name));
        assertEquals(name, child.parent());
    }

    @Property(tries = 20)
    void octalEscapeAndRawCharacterAreTheSameName(@ForAll("names") String raw) {
        assertEquals(DomainName.parse("*." + raw), DomainName.parse("\\052." + raw));
        assertEquals("\\052." + DomainName.parse(raw).canonical(), DomainName.parse("*." + raw).canonical());
    }

    @Property(tries = 1)
    void reversedKeysFollowRoute53Examples() {
        assertEquals("com.example.www.", DomainName.parse("www.example.com").reversedKey());
        List<String> sorted = List.of("api-v2.x.com", "api.x.com", "*.x.com", "a.x.com").stream()
                .map(DomainName::parse).sorted((a, b) -> a.reversedKey().compareTo(b.reversedKey()))
                .map(DomainName::canonical).toList();
        assertEquals(List.of("\\052.x.com.", "a.x.com.", "api-v2.x.com.", "api.x.com."), sorted);
    }
}
