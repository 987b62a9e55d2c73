package dev.failforward.model.onnx;

import ai.onnxruntime.OnnxJavaType;

/** One graph input as ONNX Runtime reports it: name, element type and shape (-1 where free). */
record OnnxInput(String name, OnnxJavaType type, long[] shape) {

    boolean isString() {
        return type == OnnxJavaType.STRING;
    }

    String describeType() {
        StringBuilder b = new StringBuilder(type.name().toLowerCase(java.util.Locale.ROOT)).append('[');
        for (int i = 0; i < shape.length; i++) {
            b.append(i == 0 ? "" : ",").append(shape[i] < 0 ? "N" : Long.toString(shape[i]));
        }
        return b.append(']').toString();
    }
}
