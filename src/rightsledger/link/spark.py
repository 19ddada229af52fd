"""A local Spark session for the Spark backend (pyspark is an optional, heavy dependency)."""

from __future__ import annotations

import shutil
from typing import Any

from rightsledger.errors import UserError


def spark_problem() -> str | None:
    """Why Spark cannot run here, or None when it can."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return "the Spark backend needs pyspark (pip install pyspark)"
    if shutil.which("java") is None:
        return "the Spark backend needs Java 17 or newer on the PATH"
    return None


def local_session(cores: int = 2) -> Any:
    """A Spark session in local mode; Spark keeps its shuffle files in its own temp directory."""
    problem = spark_problem()
    if problem:
        raise UserError(problem)
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master(f"local[{cores}]")
        .appName("rightsledger-link")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "1")
        .config("spark.default.parallelism", "2")
        .config("spark.driver.memory", "4g")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    return session
