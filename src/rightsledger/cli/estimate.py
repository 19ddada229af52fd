"""`estimate`: multiple systems estimation from a CSV of capture histories or from a casebook."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from rightsledger.cli.common import CasebookOption, console, emit_json, open_casebook
from rightsledger.errors import InputError, UserError


class Method(StrEnum):
    LOGLINEAR = "loglinear"
    LCMCR = "lcmcr"
    DGA = "dga"
    ALL = "all"


class Criterion(StrEnum):
    BIC = "bic"
    AIC = "aic"


class ResultFormat(StrEnum):
    TABLE = "table"
    JSON = "json"


def estimate_command(
    file: Annotated[
        Path | None,
        typer.Argument(
            help="CSV with one 0/1 column per list and a count column. Omit to build the lists "
            "from the casebook (--act-type).",
            show_default=False,
        ),
    ] = None,
    method: Annotated[Method, typer.Option("--method", help="Estimator, or all three.")] = (
        Method.ALL
    ),
    count_column: Annotated[
        str | None,
        typer.Option(
            "--count-column",
            help="Column with the number of people per row (default: count; without one, each "
            "row is one person).",
            show_default=False,
        ),
    ] = None,
    lists: Annotated[
        str | None,
        typer.Option("--lists", help="List columns, comma-separated (default: all others)."),
    ] = None,
    strata: Annotated[
        str | None,
        typer.Option(
            "--strata",
            help="Estimate per value of this column (CSV) or by year|place (casebook), and total.",
        ),
    ] = None,
    act_type: Annotated[
        str | None,
        typer.Option("--act-type", help="Casebook: acts of this type or any narrower type."),
    ] = None,
    seed: Annotated[int | None, typer.Option("--seed", help="Seed of the random draws.")] = None,
    classes: Annotated[int, typer.Option("--classes", help="lcmcr: latent classes K.")] = 5,
    burn_in: Annotated[int, typer.Option("--burn-in", help="lcmcr: sweeps discarded.")] = 10_000,
    samples: Annotated[int, typer.Option("--samples", help="lcmcr: draws kept per chain.")] = 1_000,
    thinning: Annotated[int, typer.Option("--thinning", help="lcmcr: sweeps per draw kept.")] = 10,
    chains: Annotated[
        int, typer.Option("--chains", help="lcmcr: chains, run in parallel processes.")
    ] = 2,
    delta: Annotated[
        float | None,
        typer.Option("--delta", help="dga: hyper-Dirichlet prior δ (default 2^-lists)."),
    ] = None,
    criterion: Annotated[
        Criterion, typer.Option("--criterion", help="loglinear: model selection criterion.")
    ] = Criterion.BIC,
    heterogeneity: Annotated[
        bool,
        typer.Option(
            "--heterogeneity/--no-heterogeneity",
            help="loglinear: include the Mth heterogeneity models in the search.",
        ),
    ] = True,
    level: Annotated[float, typer.Option("--level", help="Interval probability.")] = 0.95,
    output: Annotated[
        ResultFormat, typer.Option("--format", help="table for people, json for programs.")
    ] = ResultFormat.TABLE,
    plot: Annotated[
        Path | None,
        typer.Option("--plot", help="Write the posterior / profile (and traces) to .png or .svg."),
    ] = None,
    casebook: CasebookOption = None,
) -> None:
    """Estimate how many people there were in all, documented or not (multiple systems
    estimation): log-linear models (Rcapture), latent classes (LCMCR), graph averaging (dga)."""
    from rightsledger.estimate.data import CaptureTable, parse_capture_csv
    from rightsledger.estimate.lcmcr import LcmcrSettings
    from rightsledger.estimate.report import results_json, results_table
    from rightsledger.estimate.run import (
        EstimateOptions,
        check_lists,
        estimate,
        estimate_stratified,
        methods_for,
    )

    options = EstimateOptions(
        level=level,
        criterion=str(criterion),
        heterogeneity=heterogeneity,
        lcmcr=LcmcrSettings(
            classes=classes,
            burn_in=burn_in,
            samples=samples,
            thinning=thinning,
            chains=chains,
            seed=seed,
        ),
        delta=delta,
    )
    options.check()
    methods = methods_for(str(method))
    if plot is not None:
        from rightsledger.estimate.plots import check_plot_path

        check_plot_path(plot)
    documented = None
    table: CaptureTable
    if file is not None:
        if act_type is not None:
            raise UserError("give either a CSV file or --act-type (casebook), not both")
        table = parse_capture_csv(
            _read(file),
            source=str(file),
            lists=[name for name in lists.split(",") if name.strip()] if lists else None,
            count_column=count_column,
            stratum_column=strata,
        )
    else:
        if act_type is None:
            raise UserError("give a CSV file of capture histories, or --act-type for a casebook")
        from rightsledger.estimate.casebook import capture_histories

        with open_casebook(casebook) as book, book.reader() as session:
            captures = capture_histories(session, act_type=act_type, strata=strata)
        table = captures.table
        documented = captures.documented_json()
    check_lists(table.histories, methods)
    results = []
    for name in methods:
        if table.strata is not None:
            assert table.stratum_column is not None
            results.append(
                estimate_stratified(table.strata, name, options, column=table.stratum_column)
            )
        else:
            table.histories.require_identifiable(table.source)
            results.append(estimate(table.histories, name, options))
    if plot is not None:
        from rightsledger.estimate.plots import write_plot

        write_plot(results, plot)
    if output is ResultFormat.JSON:
        emit_json(results_json(results, combined=method is Method.ALL, documented=documented))
    else:
        console.print(results_table(results, documented=documented))


def _read(file: Path) -> bytes:
    if file.is_dir():
        raise InputError("is a directory, not a file", source=str(file))
    try:
        return file.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", source=str(file)) from None
    except OSError as error:
        raise InputError(f"cannot be read ({error.strerror})", source=str(file)) from None


def register(app: typer.Typer) -> None:
    app.command("estimate")(estimate_command)
