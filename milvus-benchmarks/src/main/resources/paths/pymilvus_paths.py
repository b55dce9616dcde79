"""pymilvus as a contender of the full-text part of dev.milvusboot.benchmarks.paths.PathsMain.

Run by the harness with the Python of the Milvus Lite environment (which has pymilvus), next to a copy of
e2e/pymilvus_contender.py (whose window() times the calls the same way):
    python pymilvus_paths.py URI COLLECTION QUERIES_JSON
QUERIES_JSON holds {"texts": [...], "dense": [[...], ...]}, the queries the Java contenders build (PathsData).
Reads one JSON command per line on stdin and answers each with one JSON line on stdout, as PathsWorkerMain does:
    {"op": "window", "kind": "text"|"hybrid", "threads": T, "seconds": S, "offset": O}
        -> {"latencies": [ms, ...], "elapsed": S}
    {"op": "check", "kind": "text"|"hybrid", "queries": N} -> {"ids": [[id, ...], ...]}
    {"op": "close"}
The searches are those of TextSearches.java: BM25 text search in "sparse" (top 10); hybrid of a dense sub-search
(COSINE, ef 64, top 10) and the text sub-search (top 10) fused by RRF (k 60), top 10; bounded consistency.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from pymilvus import AnnSearchRequest, MilvusClient, RRFRanker  # noqa: E402

from pymilvus_contender import window  # noqa: E402

TOP_K = 10


def main():
    uri, collection, queries_file = sys.argv[1:4]
    with open(queries_file, encoding="utf-8") as f:
        queries = json.load(f)
    texts, dense = queries["texts"], queries["dense"]
    count = len(texts)
    client = MilvusClient(uri=uri)

    def top_ids(kind, q):
        if kind == "hybrid":
            requests = [
                AnnSearchRequest(data=[dense[q]], anns_field="dense",
                                 param={"metric_type": "COSINE", "params": {"ef": 64}}, limit=TOP_K),
                AnnSearchRequest(data=[texts[q]], anns_field="sparse", param={}, limit=TOP_K),
            ]
            hits = client.hybrid_search(collection_name=collection, reqs=requests, ranker=RRFRanker(60),
                                        limit=TOP_K, consistency_level="Bounded")
        else:
            hits = client.search(collection_name=collection, data=[texts[q]], anns_field="sparse", limit=TOP_K,
                                 search_params={}, consistency_level="Bounded")
        return [hit["id"] for hit in hits[0]]

    out = sys.stdout
    # the harness (ProcessContender) waits for this before it sends a command
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
            if op == "window":
                kind, offset = command["kind"], command["offset"]
                result = window(command["threads"], command["seconds"],
                                lambda t, i: top_ids(kind, (offset + t * 131 + i) % count))
            elif op == "check":
                result = {"ids": [top_ids(command["kind"], q) for q in range(command["queries"])]}
            else:
                raise ValueError("unknown op " + op)
        except Exception as ex:
            result = {"error": repr(ex)}
        out.write(json.dumps(result) + "\n")
        out.flush()


if __name__ == "__main__":
    main()
