package dev.failforward.model.onnx;

import ai.onnxruntime.MapInfo;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.SequenceInfo;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.ValueInfo;
import dev.failforward.model.ExternalModel;
import dev.failforward.model.ModelConfig;
import dev.failforward.model.ModelSource;
import dev.failforward.model.external.FileHash;
import dev.failforward.model.external.ModelFile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code onnx:PATH}: loads an ONNX model with ONNX Runtime. Inputs are either one float tensor
 * {@code [N, k]} fed from k columns in a declared order, or one input per column, named as the column
 * (numbers as float tensors, categories as string tensors). The output read is a probability map
 * sequence or a score tensor, optionally turned into probabilities by a declared softmax or sigmoid.
 */
public final class OnnxSource implements ModelSource {

    public static final String PREFIX = "onnx:";

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public String description() {
        return "onnx:PATH  an ONNX model: one float tensor input or one input per column; probabilities or scores out";
    }

    @Override
    public ExternalModel load(String spec, ModelConfig config) {
        ModelFile model = ModelFile.read(spec, PREFIX, "onnx:model.onnx");
        Path file = model.path();
        byte[] bytes = model.bytes();
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession session;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            session = env.createSession(bytes, options);
        } catch (OrtException e) {
            throw new IllegalArgumentException(file + ": not an ONNX model ONNX Runtime can load: " + e.getMessage());
        }
        try {
            List<OnnxInput> inputs = new ArrayList<>();
            for (NodeInfo n : session.getInputInfo().values()) {
                if (!(n.getInfo() instanceof TensorInfo t)) {
                    throw new IllegalArgumentException(file + ": input '" + n.getName() + "' is not a tensor; only tensor inputs are supported");
                }
                inputs.add(new OnnxInput(n.getName(), t.type, t.getShape()));
            }
            Map<String, NodeInfo> outputs = session.getOutputInfo();
            OnnxOutput output = chooseOutput(outputs, config, file);
            List<String> outputNames = new ArrayList<>();
            outputs.values().forEach(n -> outputNames.add(n.getName() + ": " + describe(n.getInfo())));
            return new OnnxFile(spec, file, FileHash.sha256(bytes), env, session, inputs, output, outputNames, config);
        } catch (OrtException e) {
            throw new IllegalArgumentException(file + ": cannot read the model's inputs and outputs: " + e.getMessage());
        }
    }

    private static OnnxOutput chooseOutput(Map<String, NodeInfo> outputs, ModelConfig config, Path file) {
        NodeInfo chosen = null;
        if (config.output() != null) {
            chosen = outputs.get(config.output());
            if (chosen == null) {
                throw new IllegalArgumentException("--model-config output '" + config.output() + "' is not an output of "
                        + file.getFileName() + "; outputs: " + outputs.keySet());
            }
        } else {
            List<NodeInfo> candidates = outputs.values().stream().filter(OnnxSource::scores).toList();
            for (NodeInfo n : candidates) {
                if (n.getName().toLowerCase(Locale.ROOT).contains("prob")) {
                    chosen = n;
                    break;
                }
            }
            if (chosen == null && candidates.size() == 1) {
                chosen = candidates.get(0);
            }
            if (chosen == null) {
                throw new IllegalArgumentException(file + ": cannot tell which output holds the scores; name it in --model-config (key 'output'); outputs: "
                        + outputs.keySet());
            }
        }
        if (!scores(chosen)) {
            throw new IllegalArgumentException(file + ": output '" + chosen.getName() + "' is " + describe(chosen.getInfo())
                    + "; expected a float tensor or a sequence of class → probability maps");
        }
        if (chosen.getInfo() instanceof SequenceInfo) {
            return new OnnxOutput(chosen.getName(), true, -1, describe(chosen.getInfo()));
        }
        long[] shape = ((TensorInfo) chosen.getInfo()).getShape();
        int width = shape.length == 1 ? 0 : (int) shape[shape.length - 1];
        return new OnnxOutput(chosen.getName(), false, width, describe(chosen.getInfo()));
    }

    private static boolean scores(NodeInfo n) {
        if (n.getInfo() instanceof TensorInfo t) {
            return (t.type == OnnxJavaType.FLOAT || t.type == OnnxJavaType.DOUBLE) && t.getShape().length <= 2;
        }
        return n.getInfo() instanceof SequenceInfo s && s.isSequenceOfMaps();
    }

    static String describe(ValueInfo info) {
        if (info instanceof TensorInfo t) {
            return new OnnxInput("", t.type, t.getShape()).describeType();
        }
        if (info instanceof SequenceInfo s && s.isSequenceOfMaps()) {
            MapInfo m = s.mapInfo;
            return "sequence of map(" + m.keyType.name().toLowerCase(Locale.ROOT) + " → " + m.valueType.name().toLowerCase(Locale.ROOT) + ")";
        }
        return info.toString();
    }
}
