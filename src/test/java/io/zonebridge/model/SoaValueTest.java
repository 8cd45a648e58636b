package io.zonebridge.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SoaValueTest {

    @Test
    void readsTheSevenFieldsAndWritesThemBack() {
        SoaValue soa = SoaValue.parse(" ns-1.awsdns-01.org.  awsdns-hostmaster.amazon.com. 4294967295 7200 900 1209600 86400 ");

        assertEquals(new SoaValue("ns-1.awsdns-01.org.", "awsdns-hostmaster.amazon.com.", 4294967295L, 7200, 900,
                1209600, 86400), soa);
        assertEquals("ns-1.awsdns-01.org. awsdns-hostmaster.amazon.com. 12 7200 900 1209600 86400",
                soa.withSerial(12).text());
    }

    @Test
    void aValueThatIsNoSoaIsRejectedWithTheValueQuoted() {
        IllegalArgumentException fields = assertThrows(IllegalArgumentException.class,
                () -> SoaValue.parse("ns1.example.com. hostmaster.example.com. 1 2 3"));
        assertTrue(fields.getMessage().contains("'ns1.example.com. hostmaster.example.com. 1 2 3'")
                && fields.getMessage().contains("7 fields"), fields.getMessage());

        IllegalArgumentException number = assertThrows(IllegalArgumentException.class,
                () -> SoaValue.parse("ns1. host. one 2 3 4 5"));
        assertTrue(number.getMessage().contains("not a number"), number.getMessage());
    }
}
