#!/usr/bin/python3
"""Makes titanic_columns.onnx: a graph in scikit-learn-ONNX's layout, built with Debian's python3-onnx (1.12).

One input per column ([N,1]: float for numbers, string for categories), outputs 'output_label'
(int64) and 'output_probability' (a sequence of class -> probability maps, as scikit-learn-onnx's
ZipMap writes). The weights are a scikit-learn (Debian python3-sklearn) logistic regression; the
reference probabilities are computed with numpy from the same weights.

Run from this folder:  /usr/bin/python3 make_titanic_onnx.py ../../../../../datasets/tabular/titanic.csv
"""
import csv
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper
from sklearn.linear_model import LogisticRegression

rows = list(csv.DictReader(open(sys.argv[1] if len(sys.argv) > 1 else "../../../../../datasets/tabular/titanic.csv", newline="")))
NUMBERS = ["pclass", "sibsp", "parch"]
CATEGORIES = {"sex": ["female", "male"], "embarked": ["C", "Q", "S"]}


def features(r):
    x = [float(r[c]) for c in NUMBERS]
    for c, levels in CATEGORIES.items():
        x += [1.0 if r[c] == level else 0.0 for level in levels]  # a missing value is all zeros
    return x


X = np.array([features(r) for r in rows], dtype=np.float32)
y = np.array([int(r["survived"]) for r in rows])
clf = LogisticRegression(max_iter=1000).fit(X, y)
W = np.stack([-clf.coef_[0], clf.coef_[0]], axis=1).astype(np.float32)  # [features, 2]: scores of class 0 and 1
b = np.array([-clf.intercept_[0], clf.intercept_[0]], dtype=np.float32)

nodes, inputs = [], []
parts = []
for c in NUMBERS:
    inputs.append(helper.make_tensor_value_info(c, TensorProto.FLOAT, [None, 1]))
    parts.append(c)
for c, levels in CATEGORIES.items():
    inputs.append(helper.make_tensor_value_info(c, TensorProto.STRING, [None, 1]))
    nodes.append(helper.make_node("OneHotEncoder", [c], [c + "_onehot3d"], domain="ai.onnx.ml", cats_strings=levels, zeros=1))
    nodes.append(helper.make_node("Reshape", [c + "_onehot3d", c + "_shape"], [c + "_onehot"]))
    parts.append(c + "_onehot")
nodes += [
    helper.make_node("Concat", parts, ["x"], axis=1),
    helper.make_node("MatMul", ["x", "W"], ["xw"]),
    helper.make_node("Add", ["xw", "b"], ["scores"]),
    helper.make_node("Softmax", ["scores"], ["probabilities"], axis=1),
    helper.make_node("ArgMax", ["probabilities"], ["output_label"], axis=1, keepdims=0),
    helper.make_node("ZipMap", ["probabilities"], ["output_probability"], domain="ai.onnx.ml", classlabels_int64s=[0, 1]),
]
initializers = [
    helper.make_tensor("W", TensorProto.FLOAT, W.shape, W.flatten().tolist()),
    helper.make_tensor("b", TensorProto.FLOAT, b.shape, b.tolist()),
] + [helper.make_tensor(c + "_shape", TensorProto.INT64, [2], [-1, len(levels)]) for c, levels in CATEGORIES.items()]
def outputs_list():
    return [
    helper.make_tensor_value_info("output_label", TensorProto.INT64, [None]),
    helper.make_value_info("output_probability", zipmap_type()),
    ]
def zipmap_type():
    """seq(map(int64, float)); onnx 1.12's helper has no map type builder."""
    t = onnx.TypeProto()
    t.sequence_type.elem_type.map_type.key_type = TensorProto.INT64
    t.sequence_type.elem_type.map_type.value_type.tensor_type.elem_type = TensorProto.FLOAT
    return t


graph = helper.make_graph(nodes, "titanic_logistic", inputs, outputs_list(), initializers)
model = helper.make_model(graph, producer_name="make_titanic_onnx.py",
                          opset_imports=[helper.make_opsetid("", 13), helper.make_opsetid("ai.onnx.ml", 1)])
model.ir_version = 8
onnx.checker.check_model(model)
onnx.save(model, "titanic_columns.onnx")

s = X @ W + b
p = np.exp(s - s.max(axis=1, keepdims=True))
p /= p.sum(axis=1, keepdims=True)
with open("titanic_columns.predictions.csv", "w") as out:
    for row in p:
        out.write(",".join(repr(float(v)) for v in row) + "\n")
print("onnx", onnx.__version__, "rows", len(rows))
