package io.chipledger.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;

/**
 * Refuses a message whose required field is an explicit JSON {@code null}: Jackson's {@code required} only catches a
 * missing field, and a null that got through would surface far away as a NullPointerException (chat text, an amount).
 * Required means annotated {@code @JsonProperty(required = true)} on the record component.
 */
final class RequiredFields {

    private RequiredFields() {
    }

    static void check(Record message) {
        for (RecordComponent component : message.getClass().getRecordComponents()) {
            // The annotation is on the accessor: @JsonProperty does not target record components themselves.
            JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
            if (property != null && property.required() && valueOf(component, message) == null) {
                throw new ProtocolException(ErrorCode.BAD_MESSAGE, component.getName() + " must not be null");
            }
        }
    }

    private static Object valueOf(RecordComponent component, Record message) {
        try {
            return component.getAccessor().invoke(message);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + message.getClass(), e);
        }
    }
}
