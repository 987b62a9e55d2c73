#!/usr/bin/python3
"""Makes torch_mlp.onnx: a small PyTorch MLP exported with torch.onnx.export (Debian python3-torch 1.13).

The network is trained on datasets/tabular/breast_cancer.csv (30 numeric columns, target
'diagnosis': benign/malignant, classes in sorted order). Standardisation is part of the network
(fixed buffers), so the ONNX graph reads the raw columns: one float input 'features' [N, 30] in the
file's column order, and one output 'logits' [N, 2] (raw scores: FailForward applies softmax, as
declared in torch_mlp.config.json). The batch axis is dynamic.

Writes torch_mlp.predictions.csv (softmax of torch's own logits, one line per row: P(benign),
P(malignant)) and torch_mlp.numpy.csv (the same computed with numpy from the exported weights);
the script checks that they agree to 1e-6.

Needs: apt-get install -y python3-torch python3-onnx   (fixtures are committed; tests do not run this)
Run from this folder:  /usr/bin/python3 make_torch_mlp.py ../../../../../datasets/tabular/breast_cancer.csv
"""
import csv
import sys

import numpy as np
import torch

DATA = sys.argv[1] if len(sys.argv) > 1 else "../../../../../datasets/tabular/breast_cancer.csv"
rows = list(csv.reader(open(DATA, newline="")))
header, body = rows[0], rows[1:]
target = header.index("diagnosis")
columns = [h for h in header if h != "diagnosis"]
X = np.array([[float(v) for j, v in enumerate(r) if j != target] for r in body], dtype=np.float32)
classes = sorted({r[target] for r in body})
y = np.array([classes.index(r[target]) for r in body], dtype=np.int64)


class Mlp(torch.nn.Module):
    def __init__(self, mean, std):
        super().__init__()
        self.register_buffer("mean", torch.tensor(mean))
        self.register_buffer("std", torch.tensor(std))
        self.hidden = torch.nn.Linear(len(mean), 16)
        self.out = torch.nn.Linear(16, 2)

    def forward(self, x):
        return self.out(torch.relu(self.hidden((x - self.mean) / self.std)))


torch.manual_seed(7)
model = Mlp(X.mean(axis=0), X.std(axis=0) + 1e-6)
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
inputs, labels = torch.from_numpy(X), torch.from_numpy(y)
for epoch in range(150):
    optimizer.zero_grad()
    loss = torch.nn.functional.cross_entropy(model(inputs), labels)
    loss.backward()
    optimizer.step()
model.eval()

torch.onnx.export(model, inputs[:2], "torch_mlp.onnx", input_names=["features"], output_names=["logits"],
                  dynamic_axes={"features": {0: "batch"}, "logits": {0: "batch"}}, opset_version=13)

with torch.no_grad():
    p_torch = torch.softmax(model(inputs), dim=1).numpy().astype(np.float64)


def numpy_forward(x):
    w = {k: v.detach().numpy().astype(np.float64) for k, v in model.state_dict().items()}
    z = (x.astype(np.float64) - w["mean"]) / w["std"]
    h = np.maximum(z @ w["hidden.weight"].T + w["hidden.bias"], 0)
    logits = h @ w["out.weight"].T + w["out.bias"]
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


p_numpy = numpy_forward(X)
assert np.abs(p_numpy - p_torch).max() < 1e-6, np.abs(p_numpy - p_torch).max()
for name, p in (("torch_mlp.predictions.csv", p_torch), ("torch_mlp.numpy.csv", p_numpy)):
    with open(name, "w") as out:
        for row in p:
            out.write(",".join(repr(float(v)) for v in row) + "\n")
accuracy = float((p_torch.argmax(axis=1) == y).mean())
print(f"classes {classes}, training accuracy {accuracy:.4f}, loss {float(loss):.4f}, "
      f"max |numpy - torch| {np.abs(p_numpy - p_torch).max():.2e}")
