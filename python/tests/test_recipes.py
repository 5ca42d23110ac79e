"""The README's recipes, run as written: pandas, Polars, Dask (LocalCluster, two worker
processes) and PySpark (local[2], pandas_udf)."""

import datetime as dt
import os
import re

import kcna_dates

from conftest import need

README = os.path.join(os.path.dirname(__file__), "..", "README.md")
EXPECTED = [dt.date(2022, 11, 8), dt.date(2024, 2, 12), None]


def recipe(name):
    with open(README, encoding="utf-8") as f:
        text = f.read()
    match = re.search(r"<!-- recipe: %s -->\n```python\n(.*?)```" % name, text, re.S)
    assert match, f"recipe {name} not found in README.md"
    namespace = {"__name__": f"recipe_{name}"}
    exec(compile(match.group(1), f"README.md:recipe:{name}", "exec"), namespace)
    return namespace


def as_dates(values):
    pd = need("pandas")
    return [None if pd.isna(v) else v.date() if hasattr(v, "date") else v for v in values]


def test_pandas_recipe():
    pd = need("pandas")
    df = recipe("pandas")["df"]
    assert str(df["date"].dtype) == "datetime64[ns]"
    assert as_dates(df["date"]) == EXPECTED
    assert isinstance(df["date"], pd.Series)


def test_polars_recipe():
    pl = need("polars")
    df = recipe("polars")["df"]
    assert isinstance(df, pl.DataFrame)
    assert df.schema["date"] == pl.Date and df.schema["date2"] == pl.Date
    assert df["date"].to_list() == EXPECTED
    assert df["date2"].to_list() == EXPECTED


def test_dask_recipe_on_a_local_cluster_with_two_worker_processes():
    need("dask")
    need("distributed")
    ns = recipe("dask")
    result = ns["result"]
    assert len(result) == 300
    assert str(result["date"].dtype) == "datetime64[ns]"
    assert as_dates(result["date"]) == EXPECTED * 100
    # The cluster really ran two worker processes, and they are gone.
    assert len(ns["cluster"].workers) == 0 or ns["cluster"].status.name == "closed"
    assert ns["client"].status == "closed"


def test_dask_cluster_has_two_processes():
    need("dask")
    distributed = need("distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster, distributed.Client(cluster) as client:
        pids = client.run(os.getpid)
        assert len(set(pids.values())) == 2 and os.getpid() not in pids.values()
        dates = client.run(lambda: kcna_dates.parse_date("Juche111.11.8."))
        assert set(dates.values()) == {dt.date(2022, 11, 8)}


def test_spark_recipe_with_pandas_udf():
    need("pyspark")
    ns = recipe("spark")
    rows = ns["rows"]
    assert [r["date"] for r in rows] == EXPECTED
    assert [r["text"] for r in rows][:2] == [
        "Pyongyang, November 8 (KCNA) -- ...", "[Juche113.2.12.] ..."]
