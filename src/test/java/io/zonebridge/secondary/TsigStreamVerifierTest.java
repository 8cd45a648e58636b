package io.zonebridge.secondary;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TSIGRecord;
import org.xbill.DNS.Type;

/**
 * {@link TsigStreamVerifier} against answers signed by dnsjava's TSIG, an independent implementation: every
 * message signed, or runs of unsigned messages covered by the next signature (RFC 8945 5.3.1), and each way a
 * signature can be wrong. A real BIND's signed transfers are in {@link ZoneTransferClientBindTest}.
 */
class TsigStreamVerifierTest {

    private static final TsigKeySpec KEY = new TsigKeySpec("xfr-key", "hmac-sha256", "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0");
    private static final Name ZONE = Name.fromConstantString("signed.test.");

    private Message query;

    private static Message response(Message query, int first, int count) {
        Message message = new Message(query.getHeader().getID());
        message.getHeader().setFlag(Flags.QR);
        message.getHeader().setFlag(Flags.AA);
        for (int i = first; i < first + count; i++) {
            message.addRecord(Record.newRecord(Name.fromConstantString("h" + i + ".signed.test."), Type.A, DClass.IN,
                    300, new byte[] {10, 0, (byte) (i >> 8), (byte) i}), Section.ANSWER);
        }
        return message;
    }

    /** An answer of {@code messages} messages, signed by {@code signer}; {@code signed[i]} says which carry a TSIG. */
    private List<AxfrMessage> answer(TSIG signer, boolean... signed) throws IOException {
        query = Message.newQuery(Record.newRecord(ZONE, Type.AXFR, DClass.IN));
        signer.apply(query, null);
        TSIGRecord prior = query.getTSIG();
        ByteArrayOutputStream unsignedSince = new ByteArrayOutputStream();
        List<AxfrMessage> out = new ArrayList<>();
        boolean first = true;
        for (int i = 0; i < signed.length; i++) {
            Message message = response(query, i * 10, 10);
            if (signed[i]) {
                unsignedSince.writeBytes(message.toWire());
                TSIGRecord tsig = signer.generate(message, unsignedSince.toByteArray(), Rcode.NOERROR, prior, first);
                message.addRecord(tsig, Section.ADDITIONAL);
                prior = tsig;
                first = false;
                unsignedSince.reset();
            } else {
                unsignedSince.writeBytes(message.toWire());
            }
            out.add(AxfrMessage.parse(message.toWire()));
        }
        return out;
    }

    private TsigStreamVerifier verifier(Clock clock) {
        return new TsigStreamVerifier(KEY, query.getTSIG().getSignature(), clock);
    }

    private static void verifyAll(TsigStreamVerifier verifier, List<AxfrMessage> messages) throws IOException {
        for (AxfrMessage message : messages) {
            verifier.verify(message);
        }
        verifier.verifyEnd();
    }

    @Test
    void anAnswerWithEveryMessageSignedIsVerified() throws Exception {
        List<AxfrMessage> messages = answer(KEY.toTsig(), true, true, true, true);

        assertDoesNotThrow(() -> verifyAll(verifier(Clock.systemUTC()), messages));
    }

    @Test
    void unsignedMessagesAreCoveredByTheNextSignature() throws Exception {
        List<AxfrMessage> messages = answer(KEY.toTsig(), true, false, false, true, false, true);

        assertDoesNotThrow(() -> verifyAll(verifier(Clock.systemUTC()), messages));
    }

    @Test
    void aChangedByteInALaterMessageIsBadsig() throws Exception {
        List<AxfrMessage> messages = answer(KEY.toTsig(), true, false, true);
        byte[] tampered = messages.get(1).wire().clone();
        tampered[tampered.length - 1] ^= 1; // the last address byte of the unsigned middle message
        messages.set(1, AxfrMessage.parse(tampered));

        assertFails(messages, Clock.systemUTC(), "does not match key xfr-key: BADSIG");
    }

    @Test
    void anotherSecretUnderTheSameNameIsBadsig() throws Exception {
        TSIG impostor = new TSIG(TSIG.HMAC_SHA256, "xfr-key.", "b3RoZXItb3RoZXItb3RoZXItb3RoZXI=");

        assertFails(answer(impostor, true, true), Clock.systemUTC(), "BADSIG");
    }

    @Test
    void anotherKeyNameOrAlgorithmIsNamed() throws Exception {
        TSIG otherName = new TSIG(TSIG.HMAC_SHA256, "other-key.", "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0");
        TSIG otherAlgorithm = new TSIG(TSIG.HMAC_SHA512, "xfr-key.", "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0");

        assertFails(answer(otherName, true), Clock.systemUTC(), "signed with key other-key.");
        assertFails(answer(otherAlgorithm, true), Clock.systemUTC(), "hmac-sha512");
    }

    @Test
    void aSignatureFromOutsideTheFudgeIsBadtime() throws Exception {
        List<AxfrMessage> messages = answer(KEY.toTsig(), true);
        Clock later = Clock.fixed(Instant.now().plus(Duration.ofMinutes(10)), ZoneOffset.UTC);

        assertFails(messages, later, "BADTIME");
    }

    @Test
    void anAnswerThatStopsSigningOrNeverStartsIsRefused() throws Exception {
        assertFails(answer(KEY.toTsig(), true, true, false), Clock.systemUTC(), "last message is not signed");
        assertFails(answer(KEY.toTsig(), false, true), Clock.systemUTC(), "not signed with TSIG key xfr-key");
    }

    private void assertFails(List<AxfrMessage> messages, Clock clock, String expected) {
        IOException e = assertThrows(IOException.class, () -> verifyAll(verifier(clock), messages));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
