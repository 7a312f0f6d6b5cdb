package org.anomalyforge.segmenter.lfd;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;

import java.io.IOException;
import java.util.Arrays;

import org.anomalyforge.ingest.safetensors.SafetensorsFile;
import org.anomalyforge.ingest.safetensors.SafetensorsFormatException;
import org.anomalyforge.ingest.safetensors.TensorInfo;

/** Checked copies between safetensors tensors and initialised DJL parameters. */
final class TensorCopy {

    /** Prefix PyTorch's DataParallel / DistributedDataParallel wrappers add to every key. */
    static final String WRAPPER_PREFIX = "module.";

    private TensorCopy() {
    }

    /** {@code name} without a leading {@code module.}. */
    static String stripWrapper(String name) {
        return name.startsWith(WRAPPER_PREFIX) ? name.substring(WRAPPER_PREFIX.length()) : name;
    }

    /** The parameter's array; IllegalStateException naming the key if the network is not initialised. */
    static NDArray array(String key, Parameter parameter) {
        if (!parameter.isInitialized()) {
            throw new IllegalStateException("parameter '" + key + "' is not initialised; call LfdNet.initialize first");
        }
        return parameter.getArray();
    }

    /**
     * Checks dtype and shape of {@code info} against the parameter registered as {@code key}, without
     * reading data.
     *
     * @throws SafetensorsFormatException naming the file key, the model key, the expected and actual shape
     */
    static void check(SafetensorsFile file, TensorInfo info, String key, Parameter parameter)
            throws SafetensorsFormatException {
        if (!info.dtype().isFloatingPoint()) {
            throw new SafetensorsFormatException(file.path(), "tensor '" + info.name() + "' (for '" + key
                    + "') has dtype " + info.dtype().fileName() + "; expected F32, F16, BF16 or F64");
        }
        long[] expected = array(key, parameter).getShape().getShape();
        if (!Arrays.equals(expected, info.shape())) {
            throw new SafetensorsFormatException(file.path(), "tensor '" + info.name() + "' (for '" + key
                    + "'): expected shape " + Arrays.toString(expected) + ", got " + Arrays.toString(info.shape()));
        }
    }

    /** Copies a checked tensor into the parameter (F16/BF16/F64 converted to F32 by the codec). */
    static void copy(SafetensorsFile file, TensorInfo info, String key, Parameter parameter) throws IOException {
        array(key, parameter).set(file.readFloats(info.name()));
    }
}
