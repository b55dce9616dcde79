"""pymilvus as a contender of the end-to-end benchmark (dev.milvusboot.benchmarks.e2e.EndToEndMain).

Run by the harness with the Python of the Milvus Lite environment (which has pymilvus):
    python pymilvus_contender.py URI INSERT_VECTORS INSERT_DIM QUERY_VECTORS QUERY_DIM
The vector files hold little-endian float32 rows, the same vectors the Java contenders use.
Once connected it writes {"ready": true}; then it reads one JSON command per line on stdin and answers each with one
JSON line on stdout:
    {"op": "insert", "collection": C, "first": I, "count": N}
        -> {"seconds": S, "cpu": NS}: wall time of the insert call (the rows are built before, not timed) and
           the CPU time of this process over it (time.process_time_ns: user + system, all threads)
    {"op": "search", "collection": C, "threads": T, "seconds": S, "offset": O, "topK": K, "ef": E, "batch": B}
    {"op": "get", "collection": C, "threads": T, "seconds": S, "offset": O, "rows": R}
        -> {"latencies": [ms, ...], "elapsed": S, "cpu": NS, "perCall": B}: each thread calls until the window
           ends, with wall time around each call (time.perf_counter), as the Java contenders do; a search call
           carries B query vectors (1 unless the contender batches its own queries); CPU as for inserts
    {"op": "close"}
Anything pymilvus logs goes to stderr.
"""
import json
import logging
import sys
import threading
import time

import numpy as np
from pymilvus import MilvusClient

logging.basicConfig(stream=sys.stderr, level=logging.WARNING)


def get_ids(offset, index, rows):
    # The same id sequence as Contender.getId
    return ((offset + index) * 7919) % rows


def window(threads, seconds, call):
    """Runs call(thread, i) on `threads` threads until `seconds` pass; returns latencies (ms) and elapsed s."""
    results = [[] for _ in range(threads)]
    start_barrier = threading.Barrier(threads + 1)
    deadline = [0.0]
    errors = []

    def worker(t):
        out = results[t]
        start_barrier.wait()
        i = 0
        end = deadline[0]
        try:
            while True:
                begin = time.perf_counter()
                if begin >= end:
                    break
                call(t, i)
                out.append((time.perf_counter() - begin) * 1000.0)
                i += 1
        except Exception as ex:  # reported to the harness
            errors.append(repr(ex))

    workers = [threading.Thread(target=worker, args=(t,), daemon=True) for t in range(threads)]
    for w in workers:
        w.start()
    cpu = time.process_time_ns()
    start = time.perf_counter()
    deadline[0] = start + seconds
    start_barrier.wait()
    for w in workers:
        w.join()
    elapsed = time.perf_counter() - start
    cpu = time.process_time_ns() - cpu
    if errors:
        raise RuntimeError(errors[0])
    latencies = [value for out in results for value in out]
    return {"latencies": latencies, "elapsed": elapsed, "cpu": cpu}


def main():
    uri, insert_file, insert_dim, query_file, query_dim = sys.argv[1:6]
    inserts = np.memmap(insert_file, dtype="<f4", mode="r").reshape(-1, int(insert_dim))
    queries = np.fromfile(query_file, dtype="<f4").reshape(-1, int(query_dim))
    query_lists = [row.tolist() for row in queries]
    client = MilvusClient(uri=uri)
    out = sys.stdout
    # the harness waits for this before it starts the next contender
    out.write(json.dumps({"ready": True}) + "\n")
    out.flush()
    for line in sys.stdin:
        command = json.loads(line)
        op = command["op"]
        if op == "close":
            client.close()
            out.write(json.dumps({"closed": True}) + "\n")
            out.flush()
            return
        try:
            if op == "insert":
                first, count = command["first"], command["count"]
                rows = [{"id": first + i, "vector": inserts[first + i].tolist()} for i in range(count)]
                cpu = time.process_time_ns()
                begin = time.perf_counter()
                client.insert(collection_name=command["collection"], data=rows)
                result = {"seconds": time.perf_counter() - begin, "cpu": time.process_time_ns() - cpu}
            elif op == "search":
                collection, offset = command["collection"], command["offset"]
                top_k, ef = command["topK"], command["ef"]
                params = {"params": {"ef": ef}}
                count = len(query_lists)
                batch = command.get("batch", 1)

                def search(t, i):
                    first = offset + t * 131 + i * batch
                    data = [query_lists[(first + j) % count] for j in range(batch)]
                    client.search(collection_name=collection, data=data, limit=top_k, search_params=params,
                                  anns_field="vector", consistency_level="Bounded")

                result = window(command["threads"], command["seconds"], search)
                result["perCall"] = batch
            elif op == "get":
                collection, offset, rows = command["collection"], command["offset"], command["rows"]

                def get(t, i):
                    client.get(collection_name=collection, ids=[get_ids(offset + t * 100003, i, rows)],
                               output_fields=["id", "vector"])

                result = window(command["threads"], command["seconds"], get)
            else:
                raise ValueError("unknown op " + op)
        except Exception as ex:
            result = {"error": repr(ex)}
        out.write(json.dumps(result) + "\n")
        out.flush()


if __name__ == "__main__":
    main()
