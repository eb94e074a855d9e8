package uk.caseqa.launcher;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.nio.ByteBuffer;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the embedded store writes and orders the keys of a unique index ({@code _id} and the services' unique fields)
 * without Java serialisation for the usual key: one short ASCII string, as every identifier the services use.
 *
 * <p>The wire server's H2 backend orders such keys (a {@link KeyValue}, which is not {@code Comparable}) by comparing
 * their Java serialisations byte by byte, so every step of every index lookup serialised two keys. For one string of
 * under 128 ASCII characters that order is: the shorter first, then character by character; this type compares those
 * directly and leaves every other key to H2's comparison, so the order is the same as before and a file written before
 * this type keeps its indexes (TheStoredKeysKeepTheirOrderTest compares the two on many keys). Such a key is written
 * with this type's tag and read back as it was; any other key is written and read as H2 did.
 */
final class StoredIndexKeyType extends BasicDataType<Object> {

    /** The first byte of a key stored as one string. H2's {@link ObjectDataType} tags run from 0 to 119. */
    static final byte STRING_TAG = 125;
    private static final int SHORT = 128;

    private final ObjectDataType legacy = new ObjectDataType();

    @Override
    public int compare(Object a, Object b) {
        String first = shortAscii(a);
        String second = first == null ? null : shortAscii(b);
        if (second == null) {
            return legacy.compare(a, b);
        }
        if (first.length() != second.length()) {
            return first.length() < second.length() ? -1 : 1;
        }
        return first.compareTo(second);
    }

    /** The key's one value if it is a string of under 128 characters from 1 to 127; else null. */
    static String shortAscii(Object key) {
        if (!(key instanceof KeyValue keyValue) || keyValue.size() != 1
                || !(keyValue.get(0) instanceof String value) || value.length() >= SHORT) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0 || c >= SHORT) {
                return null;
            }
        }
        return value;
    }

    @Override
    public int getMemory(Object key) {
        String value = shortAscii(key);
        return value == null ? legacy.getMemory(key) : 64 + 2 * value.length();
    }

    @Override
    public void write(WriteBuffer buffer, Object key) {
        String value = shortAscii(key);
        if (value == null) {
            legacy.write(buffer, key);
        } else {
            buffer.put(STRING_TAG).putVarInt(value.length()).putStringData(value, value.length());
        }
    }

    @Override
    public Object read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != STRING_TAG) {
            return legacy.read(buffer);
        }
        buffer.get();
        int length = DataUtils.readVarInt(buffer);
        return new KeyValue(DataUtils.readString(buffer, length));
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }
}
