"""`scamgraph generate`: write the synthetic scenario (real formats, ground truth beside it)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from synth import generate as run_generate


@click.command()
@click.option("--scale", default=10_000, show_default=True, type=int,
              help="Number of transfers (10^3 to 10^7).")
@click.option("--seed", default=1, show_default=True, type=int,
              help="Same seed, byte-identical files.")
@click.option("--out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Output directory.")
@click.option("--force", is_flag=True, help="Replace data generated there before.")
@click.option("--resolution-orgs", default=0, show_default=True, type=int,
              help="Extra organisations written by 2-3 sources each, with the truth of which "
                   "ids are one (synth/variants.py).")
def generate(scale: int, seed: int, out: Path, force: bool, resolution_orgs: int) -> None:
    """Generate the demo scenario with about SCALE transfers into OUT."""
    summary = run_generate(out, scale, seed, force=force, resolution_orgs=resolution_orgs)
    total = sum(summary.transfers.values())
    click.echo(f"wrote {len(summary.files)} files, {total:,} transfers "
               f"({', '.join(f'{k} {v:,}' for k, v in summary.transfers.items())}) "
               f"in {summary.seconds:.1f}s: {summary.rate:,.0f} transfers/s", err=True)
    click.echo(f"ground truth: {out / 'ground_truth.json'}", err=True)
    click.echo(json.dumps({"out": str(out), "seed": seed, "scale": scale, "transfers": total,
                           "files": len(summary.files), "seconds": round(summary.seconds, 3),
                           "rate": round(summary.rate)}))
