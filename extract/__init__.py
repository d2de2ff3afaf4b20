"""Information extraction for Chinese budget-performance reports (预算绩效自评报告).

Data flows one way: text → spans → values → tables → links → records. Each stage
lives in its own module (see the README's module map); :func:`extract.pipeline.run_text`
strings them together.
"""

__version__ = "0.1.0"
