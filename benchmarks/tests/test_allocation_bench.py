from benchmarks.reception import bench_allocation


def test_the_allocation_benchmark_runs():
    # No elapsed-time assertion here (a loaded machine must not fail the suite): the figure is
    # reported by `manage.py bench reception`.
    assert bench_allocation(n=200, repeat=1) > 0
