"""The ``extract`` command line: a thin typer layer over the library functions.

Commands: ``run`` (extraction to JSON Lines), ``eval`` (P/R/F1 against gold),
``annotations validate|complete|draft|stats``, ``convert`` (spaCy DocBin, Hugging Face
datasets, Label Studio, doccano) and ``corpus split``.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Optional

import typer

from . import annotations as ann
from .corpus import docs_in, make_split, write_split
from .errors import InputError, problem
from .io import iter_input_files, read_jsonl, write_jsonl

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Extract budget and performance facts from Chinese budget-performance reports.")
annotations_app = typer.Typer(no_args_is_help=True, help="Check and prepare gold annotation files.")
corpus_app = typer.Typer(no_args_is_help=True, help="The corpus split.")
convert_app = typer.Typer(no_args_is_help=True, help="Convert annotations to and from other formats.")
app.add_typer(annotations_app, name="annotations")
app.add_typer(corpus_app, name="corpus")
app.add_typer(convert_app, name="convert")


def _err(msg: str) -> None:
    typer.echo(msg, err=True)


@app.command()
def run(
    inputs: list[Path] = typer.Argument(..., help="Report text files or directories of *.txt."),
    out: Path = typer.Option(..., "--out", "-o", help="Where to write the JSON Lines output."),
    model: Optional[Path] = typer.Option(None, "--model", "-m", help="A trained model directory (default: configs/run.toml)."),
    rules_only: bool = typer.Option(False, "--baseline", help="Use the rule baseline, no model."),
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl (docs/OUTPUT.md), or csv / xlsx: one row per indicator."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress or summary."),
) -> None:
    """Extract entities, relations, indicators and fund lines from report texts."""
    if fmt not in ("jsonl", "csv", "xlsx"):
        _err(f"unknown --format {fmt!r}: use jsonl, csv or xlsx")
        raise typer.Exit(2)
    records, failed = [], 0
    counts: Counter[str] = Counter()
    for i, n, f, doc in _extract_files(inputs, model, rules_only, quiet):
        if doc is None:
            failed += 1
            continue
        rec = doc.to_output()
        records.append(rec)
        counts.update(e["label"] for e in rec["entities"])
        counts["relations"] += len(rec["relations"])
        counts["indicators"] += len(rec["indicators"])
        counts["funds"] += len(rec["funds"])
        if not quiet:
            _err(f"[{i}/{n}] {f}: {len(rec['entities'])} entities, {len(rec['relations'])} relations")
    if fmt == "jsonl":
        write_jsonl(out, records)
    else:
        from .records import indicator_rows, write_csv, write_xlsx

        rows = indicator_rows(records)
        try:
            (write_csv if fmt == "csv" else write_xlsx)(out, rows)
        except RuntimeError as err:
            _err(str(err))
            raise typer.Exit(2)
    if not quiet:
        summary = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
        typer.echo(f"wrote {len(records)} documents to {out} ({summary})" + (f"; {failed} file(s) skipped" if failed else ""))
    if failed and not records:
        raise typer.Exit(1)


def _parse_overrides(args: list[str]) -> dict[str, object]:
    """``--section.key value`` pairs (spaCy's override syntax) as a dict."""
    from spacy.cli._util import parse_config_overrides

    return parse_config_overrides(args)


@app.command(context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def train(
    ctx: typer.Context,
    config: Path = typer.Argument(..., help="A training config under configs/."),
    output: Path = typer.Option(..., "--output", "-o", help="Where the trained model goes."),
    backend: str = typer.Option("spacy", "--backend", help="spacy or transformers."),
    base_model: Optional[Path] = typer.Option(None, "--base-model", help="Local transformers checkpoint (transformers backend)."),
    pkuseg_model: Optional[Path] = typer.Option(None, "--pkuseg-model", help="Local spacy-pkuseg model: word tokens instead of characters (spaCy backend)."),
) -> None:
    """Train a tagger on the gold training split plus generated reports. Extra --a.b value pairs override the config."""
    overrides = _parse_overrides(ctx.args)
    if pkuseg_model is not None:
        overrides["nlp.tokenizer"] = {"@tokenizers": "spacy.zh.ChineseTokenizer", "segmenter": "pkuseg"}
        overrides["initialize.tokenizer"] = {"pkuseg_model": str(pkuseg_model.resolve()), "pkuseg_user_dict": "default"}
    if backend == "spacy":
        from .train import train_spacy

        info = train_spacy(config, output, overrides)
    elif backend == "transformers":
        if base_model is None:
            _err("--base-model PATH is required with --backend transformers (a local checkpoint; nothing is downloaded)")
            raise typer.Exit(2)
        from .train import train_transformers

        info = train_transformers(config, output, base_model, overrides)
    else:
        _err(f"unknown backend {backend!r}: use spacy or transformers")
        raise typer.Exit(2)
    for line in info.get("misaligned", []):
        _err(f"not trained on: {line}")
    typer.echo(f"trained on {info['train_reports']} gold + {info['generated_reports']} generated reports "
               f"({info['train_pieces']} pieces), dev {info['dev_reports']} reports; model in {output}")


@app.command()
def preannotate(
    inputs: list[Path] = typer.Argument(..., help="Report text files or directories of *.txt."),
    out: Path = typer.Option(..., "--out", "-o", help="Label Studio tasks JSON to write."),
    model: Optional[Path] = typer.Option(None, "--model", "-m", help="A trained model directory (default: configs/run.toml)."),
    rules_only: bool = typer.Option(False, "--baseline", help="Pre-annotate with the rule baseline."),
) -> None:
    """Write Label Studio tasks whose predictions are the model's spans and relations, for correction.

    Import the tasks into Label Studio with the labelling config of
    extract.convert.labelstudio.LABEL_CONFIG, correct them, export JSON, then
    `extract convert from-labelstudio EXPORT.json -o annotations/gold` and train again.
    """
    from .convert.labelstudio import to_task

    version = "baseline" if rules_only else str(model or "default")
    tasks = []
    for _, _, _, doc in _extract_files(inputs, model, rules_only, True):
        if doc is None:
            continue
        tasks.append(to_task(doc, as_predictions=True, model_version=version))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(tasks, ensure_ascii=False, indent=1), encoding="utf-8")
    typer.echo(f"wrote {len(tasks)} tasks with predictions to {out}")


def _extract_files(inputs: list[Path], model: Optional[Path], rules_only: bool, quiet: bool):
    """Yield ``(i, n, path, document or None)`` for every input file; unreadable files are reported and yield None."""
    from .pipeline import run_file

    try:
        files = list(iter_input_files(inputs))
        tagger, relation_model = (None, None) if rules_only else _load_tagger(model, quiet)
    except InputError as err:
        _err(str(err))
        raise typer.Exit(2)
    for i, f in enumerate(files, 1):
        try:
            yield i, len(files), f, run_file(f, tagger, relation_model)
        except InputError as err:
            _err(f"skipped {err}")
            yield i, len(files), f, None
        except Exception as err:  # noqa: BLE001 - a fault of the toolkit on one file loses no other file
            _err(f"skipped {problem('E006', str(f), error=f'{type(err).__name__}: {err}')}")
            yield i, len(files), f, None


def _load_tagger(model: Optional[Path], quiet: bool):
    """(tagger, relation model) of ``--model``, else of the default model in configs/run.toml, else (None, None)."""
    import tomllib

    from .relations import load_relation_model
    from .tagger import load

    if model is None:
        cfg_path = ann.project_root() / "configs" / "run.toml"
        default = tomllib.loads(cfg_path.read_text(encoding="utf-8"))["run"]["model"] if cfg_path.exists() else None
        if not (default and (ann.project_root() / default).exists()):
            if not quiet:
                _err("no trained model found; using the rule baseline (train one with `extract train`)")
            return None, None
        model = ann.project_root() / default
        if not quiet:
            _err(f"model: {default}")
    return load(model), load_relation_model(model)


def load_predictions(path: Path) -> dict[str, "object"]:
    """Predicted documents of an ``extract run`` output file, by doc_id."""
    from .document import Document

    return {obj["doc_id"]: Document.from_output(obj) for _, obj in read_jsonl(path)}


@app.command("eval")
def eval_cmd(
    gold: list[Path] = typer.Option(..., "--gold", help="Gold annotation files or directories."),
    pred: Path = typer.Option(..., "--pred", help="Output of `extract run`."),
    split: Optional[str] = typer.Option(None, "--split", help="Only gold documents of this split (train, dev, test)."),
    origin: Optional[str] = typer.Option(None, "--origin", help="Only seed, pool or pool2 documents."),
    by: Optional[str] = typer.Option(None, "--by", help="Also report per group of documents: shape, kind, origin or sector "
                                                        "(from the split file's metadata)."),
    group: Optional[str] = typer.Option(None, "--group", help="With --by: the group whose full report follows the "
                                                              "summary (default: all documents)."),
    split_file: Optional[Path] = typer.Option(None, "--split-file", help="The split file (default: the project's corpus/split.tsv)."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of tables."),
) -> None:
    """Score predictions against gold annotations (seqeval strict, exact spans, slots, values, funds)."""
    from .corpus import read_split
    from .evaluate import evaluate, evaluate_by, format_report, format_summary, summary_row

    if by is not None and by not in BY_FIELDS:
        _err(f"unknown --by {by!r}: use one of {', '.join(BY_FIELDS)}")
        raise typer.Exit(2)
    if group is not None and (by is None or as_json):
        _err("--group needs --by and prints a text report (the JSON report holds every group)")
        raise typer.Exit(2)
    gold_docs = ann.load_documents(gold)
    split_file = split_file or ann.project_root() / "corpus" / "split.tsv"
    if split or origin:
        keep = {d.doc_id for d in docs_in(split_file, [split] if split else ["train", "dev", "test"], origin)}
        gold_docs = [d for d in gold_docs if d.doc_id in keep]
    if not gold_docs:
        _err("no gold documents selected; check --gold, --split and --origin")
        raise typer.Exit(2)
    preds = load_predictions(pred)
    if by is None:
        rep = evaluate(gold_docs, preds)  # type: ignore[arg-type]
        typer.echo(json.dumps(rep.as_dict(), ensure_ascii=False, indent=2) if as_json else format_report(rep))
        return
    group_of = {d.doc_id: getattr(d, by) for d in read_split(split_file)}
    reports = evaluate_by(gold_docs, preds, group_of)  # type: ignore[arg-type]
    if as_json:
        typer.echo(json.dumps({g: {"summary": summary_row(r), **r.as_dict()} for g, r in reports.items()},
                              ensure_ascii=False, indent=2))
        return
    if group is not None and group not in reports:
        _err(f"no group {group!r} among the selected documents: use one of {', '.join(reports)}")
        raise typer.Exit(2)
    typer.echo(f"F1 per {by} (exact spans, slots, fund fields micro; MONEY yuan accuracy on matched spans)\n")
    typer.echo(format_summary(reports))
    typer.echo(f"\n== {'all documents' if group in (None, 'all') else f'{by} {group}'}")
    typer.echo(format_report(reports[group or "all"]))


#: metadata fields of the split file that ``eval --by`` can group on
BY_FIELDS = ("shape", "kind", "origin", "sector")


@annotations_app.command("validate")
def annotations_validate(paths: list[Path] = typer.Argument(..., help="Annotation files or directories.")) -> None:
    """Check annotation files; print every problem with file, line and offset; exit 1 if any."""
    files = ann.annotation_files(paths)
    if not files:
        _err("no annotation files found")
        raise typer.Exit(2)
    total = 0
    for f in files:
        for p in ann.validate_file(f):
            typer.echo(str(p))
            total += 1
    typer.echo(f"{len(files)} file(s) checked, {total} problem(s)", err=True)
    if total:
        raise typer.Exit(1)


@annotations_app.command("complete")
def annotations_complete(paths: list[Path] = typer.Argument(..., help="Annotation files to complete in place.")) -> None:
    """Fill missing offsets (found from the text in document order), ids and value fields."""
    bad = 0
    for f in ann.annotation_files(paths):
        for p in ann.complete_file(f):
            typer.echo(str(p))
            bad += 1
    if bad:
        raise typer.Exit(1)


@annotations_app.command("draft")
def annotations_draft(
    text: Path = typer.Argument(..., help="A corpus text file."),
    out: Path = typer.Option(..., "--out", "-o", help="Annotation file to write."),
) -> None:
    """Write a draft annotation file from the baseline's predictions, for a person to correct."""
    from .pipeline import run_file

    doc = run_file(text)
    root = ann.project_root()
    try:
        rel = str(text.resolve().relative_to(root))
    except ValueError:
        rel = str(text)
    ann.save_document(doc, out, text_path=rel)
    typer.echo(f"wrote {out}: {len(doc.entities)} entities, {len(doc.relations)} relations")


@annotations_app.command("agree")
def annotations_agree(
    first: Path = typer.Argument(..., help="Directory of the first pass."),
    second: Path = typer.Argument(..., help="Directory of the second pass."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of tables."),
) -> None:
    """Agreement between two annotation passes (the first taken as reference): span, slot, value, fund F1."""
    from .evaluate import evaluate, format_report

    a = {d.doc_id: d for d in ann.load_documents([first])}
    b = {d.doc_id: d for d in ann.load_documents([second])}
    common = sorted(a.keys() & b.keys())
    if not common:
        _err("the two passes share no document")
        raise typer.Exit(2)
    rep = evaluate([a[k] for k in common], {k: b[k] for k in common})
    typer.echo(json.dumps(rep.as_dict(), ensure_ascii=False, indent=2) if as_json else format_report(rep))


@annotations_app.command("diff")
def annotations_diff(
    first: Path = typer.Argument(..., help="Annotation file or directory of the first pass."),
    second: Path = typer.Argument(..., help="Annotation file or directory of the second pass."),
) -> None:
    """List every span, value, relation and fund-line difference between two passes."""
    a = {d.doc_id: d for d in ann.load_documents([first])}
    b = {d.doc_id: d for d in ann.load_documents([second])}
    for doc_id in sorted(a.keys() & b.keys()):
        lines = ann.diff_documents(a[doc_id], b[doc_id])
        typer.echo(f"== {doc_id}: {len(lines)} difference(s)")
        for line in lines:
            typer.echo("  " + line)


@annotations_app.command("stats")
def annotations_stats(
    paths: list[Path] = typer.Argument(..., help="Annotation files or directories."),
    split_file: Optional[Path] = typer.Option(None, "--split-file"),
) -> None:
    """Counts of spans per label, relations per slot and fund lines, per split."""
    from .corpus import read_split

    split_file = split_file or ann.project_root() / "corpus" / "split.tsv"
    split_of = {d.doc_id: d.split for d in read_split(split_file)} if split_file.exists() else {}
    table: dict[str, Counter[str]] = {}
    for doc in ann.load_documents(paths):
        c = table.setdefault(split_of.get(doc.doc_id, "?"), Counter())
        c["reports"] += 1
        c.update(e.label for e in doc.entities)
        c.update(f"rel:{r.slot}" for r in doc.relations)
        c["fund lines"] += len(doc.funds)
    cols = ["reports", "MONEY", "PERCENT", "QUANTITY", "INDICATOR", "TARGET", "rel:target", "rel:actual", "rel:weight", "rel:score", "fund lines"]
    typer.echo("split\t" + "\t".join(cols))
    total: Counter[str] = Counter()
    for split in sorted(table):
        typer.echo(split + "\t" + "\t".join(str(table[split][c]) for c in cols))
        total.update(table[split])
    typer.echo("all\t" + "\t".join(str(total[c]) for c in cols))


@corpus_app.command("split")
def corpus_split(
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Default: the project's corpus/split.tsv."),
    check: bool = typer.Option(False, "--check", help="Only check that the file matches the rule."),
) -> None:
    """Write (or check) the document-level split from the rule in extract/corpus.py."""
    docs = make_split(ann.project_root())
    out = out or ann.project_root() / "corpus" / "split.tsv"
    if check:
        from .corpus import read_split

        if read_split(out) != docs:
            _err(f"{out} does not match the split rule; run `extract corpus split`")
            raise typer.Exit(1)
        typer.echo(f"{out} matches the rule ({len(docs)} documents)")
        return
    write_split(docs, out)
    typer.echo(f"wrote {out}: {Counter(d.split for d in docs)}")


# -- convert ---------------------------------------------------------------------

def _report_problems(problems: list, strict: bool) -> None:
    for p in problems:
        _err(str(p))
    if problems:
        _err(f"{len(problems)} span(s) could not be converted (listed above)")
        if strict:
            raise typer.Exit(1)


def _save_imported(docs: list, out: Path) -> None:
    """Write imported documents as gold files; texts not in the corpus are written beside them."""
    from .corpus import read_split

    root = ann.project_root()
    known = {}
    split_file = root / "corpus" / "split.tsv"
    if split_file.exists():
        known = {d.doc_id: d.path for d in read_split(split_file)}
    out.mkdir(parents=True, exist_ok=True)
    for doc in docs:
        text_path = known.get(doc.doc_id)
        if text_path is None or (root / text_path).read_text(encoding="utf-8") != doc.text:
            tp = out / "texts" / f"{doc.doc_id}.txt"
            tp.parent.mkdir(exist_ok=True)
            tp.write_text(doc.text, encoding="utf-8")
            text_path = str(tp.resolve())
        ann.save_document(doc, out / f"{doc.doc_id}.jsonl", text_path=text_path)
    typer.echo(f"wrote {len(docs)} annotation file(s) to {out}")


@convert_app.command("to-docbin")
def convert_to_docbin(gold: list[Path] = typer.Argument(...), out: Path = typer.Option(..., "--out", "-o"),
                      strict: bool = typer.Option(False, "--strict", help="Exit 1 if any span is misaligned.")) -> None:
    """Gold annotations → spaCy DocBin (character tokens)."""
    from .convert.docbin import to_docbin

    problems: list = []
    db = to_docbin(ann.load_documents(gold), problems=problems)
    out.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(out)
    _report_problems(problems, strict)
    typer.echo(f"wrote {len(db)} docs to {out}")


@convert_app.command("from-docbin")
def convert_from_docbin(path: Path = typer.Argument(...), out: Path = typer.Option(..., "--out", "-o")) -> None:
    """spaCy DocBin → gold annotation files."""
    from spacy.tokens import DocBin

    from .convert.docbin import from_docbin

    _save_imported(from_docbin(DocBin().from_disk(path)), out)


@convert_app.command("to-hf")
def convert_to_hf(gold: list[Path] = typer.Argument(...), out: Path = typer.Option(..., "--out", "-o")) -> None:
    """Gold annotations → a Hugging Face dataset on disk (character IOB2 tags, relations kept)."""
    from .convert.hf import to_dataset

    ds = to_dataset(ann.load_documents(gold))
    ds.save_to_disk(str(out))
    typer.echo(f"wrote {len(ds)} rows to {out}")


@convert_app.command("to-labelstudio")
def convert_to_labelstudio(gold: list[Path] = typer.Argument(...), out: Path = typer.Option(..., "--out", "-o"),
                           predictions: bool = typer.Option(False, "--predictions", help="Write as predictions, not annotations.")) -> None:
    """Gold annotations → Label Studio tasks JSON."""
    from .convert.labelstudio import to_tasks

    tasks = to_tasks(ann.load_documents(gold), as_predictions=predictions)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(tasks, ensure_ascii=False, indent=1), encoding="utf-8")
    typer.echo(f"wrote {len(tasks)} tasks to {out}")


@convert_app.command("from-labelstudio")
def convert_from_labelstudio(path: Path = typer.Argument(...), out: Path = typer.Option(..., "--out", "-o"),
                             strict: bool = typer.Option(False, "--strict")) -> None:
    """Label Studio export JSON → gold annotation files."""
    from .convert.labelstudio import from_task

    problems: list = []
    docs = [from_task(t, problems) for t in json.loads(path.read_text(encoding="utf-8"))]
    _report_problems(problems, strict)
    _save_imported(docs, out)


@convert_app.command("to-doccano")
def convert_to_doccano(gold: list[Path] = typer.Argument(...), out: Path = typer.Option(..., "--out", "-o")) -> None:
    """Gold annotations → doccano JSONL (entities + relations)."""
    from .convert.doccano import to_records

    n = write_jsonl(out, to_records(ann.load_documents(gold)))
    typer.echo(f"wrote {n} lines to {out}")


@convert_app.command("from-doccano")
def convert_from_doccano(path: Path = typer.Argument(...), out: Path = typer.Option(..., "--out", "-o"),
                         strict: bool = typer.Option(False, "--strict")) -> None:
    """doccano JSONL → gold annotation files."""
    from .convert.doccano import from_record

    problems: list = []
    docs = [from_record(obj, problems) for _, obj in read_jsonl(path)]
    _report_problems(problems, strict)
    _save_imported(docs, out)


@corpus_app.command("generate")
def corpus_generate(
    n: int = typer.Option(200, "--n", help="How many reports."),
    seed: int = typer.Option(0, "--seed", help="Random seed (the output is reproducible)."),
    out: Path = typer.Option(..., "--out", "-o", help="Directory: texts/ and gold/ are written under it."),
) -> None:
    """Write synthetic reports with gold annotations by construction (extract/generate.py)."""
    from .generate import generate

    (out / "texts").mkdir(parents=True, exist_ok=True)
    for doc in generate(n, seed):
        (out / "texts" / f"{doc.doc_id}.txt").write_text(doc.text, encoding="utf-8")
        ann.save_document(doc, out / "gold" / f"{doc.doc_id}.jsonl", text_path=f"../texts/{doc.doc_id}.txt")
    typer.echo(f"wrote {n} generated reports to {out} (seed {seed})")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
