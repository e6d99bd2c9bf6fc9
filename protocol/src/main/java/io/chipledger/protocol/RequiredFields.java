package io.chipledger.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses a message whose required field is an explicit JSON {@code null}: Jackson's {@code required} only catches a
 * missing field, and a null that got through would surface far away as a NullPointerException (chat text, an amount).
 * Required means annotated {@code @JsonProperty(required = true)} on the record component.
 */
final class RequiredFields {

    /**
     * Each message type's required fields, found once: every frame is checked, and looking the components and their
     * annotations up by reflection each time cost a twelfth of decoding a frame (docs/performance.md).
     */
    private static final ClassValue<List<Field>> REQUIRED = new ClassValue<>() {
        @Override
        protected List<Field> computeValue(Class<?> type) {
            List<Field> required = new ArrayList<>();
            for (RecordComponent component : type.getRecordComponents()) {
                // The annotation is on the accessor: @JsonProperty does not target record components themselves.
                JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
                if (property != null && property.required()) {
                    required.add(new Field(component.getName(), accessor(component)));
                }
            }
            return List.copyOf(required);
        }
    };

    private RequiredFields() {
    }

    static void check(Record message) {
        for (Field field : REQUIRED.get(message.getClass())) {
            if (field.valueOf(message) == null) {
                throw new ProtocolException(ErrorCode.BAD_MESSAGE, field.name + " must not be null");
            }
        }
    }

    private static MethodHandle accessor(RecordComponent component) {
        try {
            return MethodHandles.lookup().unreflect(component.getAccessor()).asType(
                    MethodType.methodType(Object.class, Record.class));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + component.getDeclaringRecord(), e);
        }
    }

    private record Field(String name, MethodHandle accessor) {

        Object valueOf(Record message) {
            try {
                return accessor.invokeExact(message);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("cannot read " + name + " of " + message.getClass(), e);
            }
        }
    }
}
