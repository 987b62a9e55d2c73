package dev.failforward.model.builtin;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import org.tribuo.protos.core.ModelProto;

import java.util.List;

/**
 * A Tribuo model as Tribuo's own protobuf bytes ({@code Model.serialize()}). Protobuf holds plain
 * values; the one door to code is that Tribuo loads each part's class by the name the bytes give
 * ({@code class_name} beside {@code serialized_data}). Every such name is checked before Tribuo
 * sees the bytes: only Tribuo's own classes may be named, so a crafted file cannot make any other
 * class on the class path initialise.
 */
final class TribuoProtos {

    /** Tribuo nests a model's parts a few levels deep; a file nested deeper is not a Tribuo model. */
    static final int MAX_DEPTH = 48;
    private static final String ANY_TYPE = "type.googleapis.com/";
    private static final String ALLOWED_PREFIX = "org.tribuo.";

    private TribuoProtos() {
    }

    static byte[] bytes(org.tribuo.Model<?> model) {
        return model.serialize().toByteArray();
    }

    /** The model in {@code bytes}; an {@link IllegalArgumentException} when they name a class outside Tribuo or do not parse. */
    static org.tribuo.Model<?> model(byte[] bytes) {
        try {
            checkClassNames(ByteString.copyFrom(bytes), 0);
            CodedInputStream in = CodedInputStream.newInstance(bytes);
            in.setRecursionLimit(MAX_DEPTH);
            ModelProto proto = ModelProto.parseFrom(in);
            dev.failforward.model.xgboost.XGBoostNative.load();
            return org.tribuo.Model.deserialize(proto);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("the model part does not parse (" + e.getMessage() + ")", e);
        } catch (IllegalStateException | ClassCastException | UnsupportedOperationException e) {
            // Tribuo reports bad content (an unknown class, a wrong version) as an IllegalStateException.
            throw new IllegalArgumentException("Tribuo cannot read the model part (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Walks every nested message; in each of Tribuo's wrappers ({@code version = 1},
     * {@code class_name = 2}, {@code serialized_data = 3} as an {@code Any}) the class name must be Tribuo's.
     */
    static void checkClassNames(ByteString message, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("the model part is nested more than " + MAX_DEPTH + " levels deep");
        }
        UnknownFieldSet fields;
        try {
            CodedInputStream in = message.newCodedInput();
            in.setRecursionLimit(MAX_DEPTH);
            fields = UnknownFieldSet.newBuilder().mergeFrom(in).build();
        } catch (java.io.IOException | RuntimeException notAMessage) {
            return;
        }
        if (wrapper(fields)) {
            String className = fields.getField(2).getLengthDelimitedList().get(0).toStringUtf8();
            if (!className.startsWith(ALLOWED_PREFIX)) {
                throw new IllegalArgumentException("the model part names the class '" + abbreviate(className)
                        + "', which is not one of Tribuo's");
            }
        }
        for (UnknownFieldSet.Field field : fields.asMap().values()) {
            for (ByteString nested : field.getLengthDelimitedList()) {
                checkClassNames(nested, depth + 1);
            }
            for (UnknownFieldSet group : field.getGroupList()) {
                checkClassNames(group.toByteString(), depth + 1);
            }
        }
    }

    private static boolean wrapper(UnknownFieldSet fields) {
        if (!fields.hasField(2) || !fields.hasField(3)) {
            return false;
        }
        List<ByteString> names = fields.getField(2).getLengthDelimitedList();
        List<ByteString> data = fields.getField(3).getLengthDelimitedList();
        if (names.size() != 1 || data.size() != 1) {
            return false;
        }
        try {
            UnknownFieldSet any = UnknownFieldSet.parseFrom(data.get(0));
            return any.hasField(1) && any.getField(1).getLengthDelimitedList().size() == 1
                    && any.getField(1).getLengthDelimitedList().get(0).toStringUtf8().startsWith(ANY_TYPE);
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            return false;
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
