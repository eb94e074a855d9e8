package uk.caseqa.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

/**
 * A unique index's keys are ordered as H2 ordered them before (by their Java serialisations), so an index in a file
 * written before {@link StoredIndexKeyType} is still found in order; and each key reads back as it was written.
 */
class TheStoredKeysKeepTheirOrderTest {

    @Test
    void everyPairOfKeysComparesAsH2ComparedThemAndEveryKeyReadsBackEqual() {
        Random random = new Random(7);
        List<KeyValue> keys = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            keys.add(randomKey(random));
        }
        keys.add(new KeyValue(""));
        keys.add(new KeyValue("x".repeat(127)));
        keys.add(new KeyValue("x".repeat(128)));
        keys.add(new KeyValue("audit-" + (char) 0));
        ObjectDataType legacy = new ObjectDataType();
        StoredIndexKeyType stored = new StoredIndexKeyType();
        int fast = 0;
        for (KeyValue a : keys) {
            for (KeyValue b : keys) {
                assertThat(Integer.signum(stored.compare(a, b))).as("%s against %s", a, b)
                        .isEqualTo(Integer.signum(legacy.compare(a, b)));
            }
            fast += StoredIndexKeyType.shortAscii(a) == null ? 0 : 1;
            assertThat(readBack(stored, a)).isEqualTo(a);
            assertThat(readBack(stored, a).toString()).isEqualTo(a.toString());
        }
        assertThat(fast).as("keys compared without serialisation").isGreaterThan(keys.size() / 2);
    }

    @Test
    void aKeyWrittenAsH2WroteItReadsBackEqual() {
        ObjectDataType legacy = new ObjectDataType();
        KeyValue key = new KeyValue("audit-1");
        WriteBuffer buffer = new WriteBuffer();
        legacy.write(buffer, key);
        ByteBuffer written = buffer.getBuffer().flip();
        assertThat(new StoredIndexKeyType().read(written)).isEqualTo(key);
        assertThat(written.remaining()).isZero();
    }

    private static Object readBack(StoredIndexKeyType type, Object key) {
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, key);
        buffer.put((byte) 99);
        ByteBuffer written = buffer.getBuffer().flip();
        Object read = type.read(written);
        assertThat(written.get()).as("the key read exactly its own bytes").isEqualTo((byte) 99);
        return read;
    }

    private static KeyValue randomKey(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> new KeyValue(new ObjectId());
            case 1 -> new KeyValue(random.nextInt(1000));
            case 2 -> new KeyValue("audit-" + random.nextInt(50), "case-" + random.nextInt(3));
            case 3 -> new KeyValue(randomString(random, 200, 0x24F));
            default -> new KeyValue(randomString(random, random.nextBoolean() ? 20 : 140, 127));
        };
    }

    private static String randomString(Random random, int maxLength, int maxChar) {
        StringBuilder value = new StringBuilder();
        int length = random.nextInt(maxLength);
        for (int i = 0; i < length; i++) {
            value.append((char) (1 + random.nextInt(maxChar)));
        }
        return value.toString();
    }
}
