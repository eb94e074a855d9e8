package uk.caseqa.launcher;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the embedded store writes a document to its file: as BSON, the form it arrived in, rather than by Java
 * serialisation, which the wire server's H2 backend uses for any value it stores. Java serialisation writes and reads
 * the class descriptions with every document, and H2 rewrites a whole page of documents (and reads one back) at each
 * commit and compaction: under the platform benchmark it was a quarter of the processor (docs/performance.md).
 *
 * <p>A file written before this type still opens: a value is read as BSON only when it starts with this type's tag,
 * which H2's own encoding never uses; anything else is read (and anything BSON cannot hold is written) as H2 did.
 */
final class StoredDocumentType extends BasicDataType<Object> {

    /** The first byte of a document stored as BSON. H2's {@link ObjectDataType} tags run from 0 to 119. */
    static final byte BSON_TAG = 126;
    private static final ThreadLocal<ByteBuf> ENCODING = ThreadLocal.withInitial(() -> Unpooled.buffer(1024));

    private final ObjectDataType legacy = new ObjectDataType();
    /** Bytes an average stored document holds in memory: about three times its BSON (H2 counts its cache in these). */
    private volatile int averageMemory = 1024;

    @Override
    public int getMemory(Object value) {
        return value instanceof Document ? averageMemory : legacy.getMemory(value);
    }

    @Override
    public void write(WriteBuffer buffer, Object value) {
        if (value instanceof Document document) {
            ByteBuf encoded = ENCODING.get().clear();
            try {
                BsonEncoder.encodeDocument(document, encoded);
            } catch (IllegalArgumentException notBson) {
                legacy.write(buffer, value);
                return;
            }
            int length = encoded.readableBytes();
            buffer.put(BSON_TAG).putVarInt(length).put(encoded.array(), encoded.arrayOffset() + encoded.readerIndex(),
                    length);
            remember(length);
            if (encoded.capacity() > 1 << 20) {
                ENCODING.remove();
            }
        } else {
            legacy.write(buffer, value);
        }
    }

    @Override
    public Object read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON_TAG) {
            return legacy.read(buffer);
        }
        buffer.get();
        int length = DataUtils.readVarInt(buffer);
        ByteBuffer bson = buffer.slice();
        bson.limit(length);
        buffer.position(buffer.position() + length);
        remember(length);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    private void remember(int bsonLength) {
        averageMemory = (averageMemory * 15 + bsonLength * 3) / 16;
    }

    @Override
    public int compare(Object a, Object b) {
        return a instanceof Document && a.equals(b) ? 0 : legacy.compare(a, b);
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }
}
