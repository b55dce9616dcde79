"""pymilvus 3.0 as the peer of the search tests, driven by one JSON command on stdin; prints one JSON answer.

  {"op": "create", "uri": U, "collection": C, "rows": [...]}
      creates C the way the pymilvus documentation makes a full-text collection: int64 "id", VarChar "text" with
      an analyzer (standard tokenizer, lowercase) and enable_match, a BM25 function text -> "sparse", a 4-dim
      float vector "dense", int64 "year", VarChar "cat"; indexes (sparse: SPARSE_INVERTED_INDEX/BM25, dense:
      FLAT/COSINE), inserts the rows (no sparse values: the function makes them) and loads -> {}
  {"op": "insert", "uri": U, "collection": C, "rows": [...]}                  -> {"count": n}
  {"op": "search_text", "uri": U, "collection": C, "texts": [...], "limit": K}
      -> {"hits": [[{"id": i, "distance": d}, ...], ...]}
  {"op": "hybrid_weighted", "uri": U, "collection": C, "dense": [...], "text": T, "weights": [...], "limit": K}
      hybrid search of "dense" and "sparse" with a WeightedRanker -> {"hits": [{"id": i, "distance": d}, ...]}
  {"op": "prepare"}  (no server)
      the requests pymilvus' Prepare builds for the calls the Java test makes the same way
      -> {name: {"rpc": R, "bytes": base64 of the serialized request}}
"""
import base64
import json
import sys

from pymilvus import (AnnSearchRequest, DataType, Function, FunctionType, LexicalHighlighter, MilvusClient,
                      RRFRanker, WeightedRanker)
from pymilvus.client.prepare import Prepare

ANALYZER = {"tokenizer": "standard", "filter": ["lowercase"]}


def create(client, command):
    schema = client.create_schema(auto_id=False, enable_dynamic_field=False)
    schema.add_field("id", DataType.INT64, is_primary=True)
    schema.add_field("text", DataType.VARCHAR, max_length=1000, enable_analyzer=True, analyzer_params=ANALYZER,
                     enable_match=True)
    schema.add_field("sparse", DataType.SPARSE_FLOAT_VECTOR)
    schema.add_field("dense", DataType.FLOAT_VECTOR, dim=4)
    schema.add_field("year", DataType.INT64)
    schema.add_field("cat", DataType.VARCHAR, max_length=16)
    schema.add_function(Function(name="bm25", function_type=FunctionType.BM25, input_field_names=["text"],
                                 output_field_names=["sparse"]))
    index = client.prepare_index_params()
    index.add_index(field_name="sparse", index_type="SPARSE_INVERTED_INDEX", metric_type="BM25")
    index.add_index(field_name="dense", index_type="FLAT", metric_type="COSINE")
    client.create_collection(command["collection"], schema=schema, index_params=index)
    client.insert(command["collection"], command["rows"])
    client.load_collection(command["collection"])
    return {}


def prepare():
    dense = [0.1, 0.2, 0.3, 0.4]
    cosine = {"metric_type": "COSINE", "params": {}}
    bm25 = {"metric_type": "BM25", "params": {}}
    requests = {
        "text_grouped_highlighted": ("Search", Prepare.search_requests_with_expr(
            collection_name="docs", anns_field="sparse", param=bm25, limit=3, data=["quick fox", "lazy dog"],
            expr='cat == "a"', output_fields=["text"], group_by_field="cat", group_size=2, strict_group_size=True,
            highlighter=LexicalHighlighter(pre_tags=["<b>"], post_tags=["</b>"], highlight_search_text=True,
                                           fragment_size=40, num_of_fragments=2))),
        "by_primary_keys": ("Search", Prepare.search_requests_with_expr(
            collection_name="docs", anns_field="dense", param=cosine, limit=3, ids=[3, 5], expr="year > 2000",
            output_fields=["year"])),
        "boost": ("Search", Prepare.search_requests_with_expr(
            collection_name="docs", anns_field="dense", param=cosine, limit=3, data=[dense],
            ranker=Function(name="boost", function_type=FunctionType.RERANK, input_field_names=[],
                            params={"reranker": "boost", "filter": "year > 2017",
                                    "random_score": {"seed": 7, "field": "id"}, "weight": 2.0}))),
        "decay": ("Search", Prepare.search_requests_with_expr(
            collection_name="docs", anns_field="dense", param=cosine, limit=3, data=[dense],
            ranker=Function(name="decay", function_type=FunctionType.RERANK, input_field_names=["year"],
                            params={"reranker": "decay", "function": "exp", "origin": 2026, "scale": 6,
                                    "offset": 1, "decay": 0.25}))),
        "hybrid_rrf_offset_group": ("HybridSearch", hybrid(RRFRanker(30), offset=2, group_by_field="cat",
                                                           group_size=2, strict_group_size=False)),
        "hybrid_weighted": ("HybridSearch", hybrid(WeightedRanker(0.25, 0.75, norm_score=False))),
        "hybrid_decay": ("HybridSearch", hybrid(Function(
            name="decay", function_type=FunctionType.RERANK, input_field_names=["year"],
            params={"reranker": "decay", "function": "gauss", "origin": 2026, "scale": 6, "offset": 0,
                    "decay": 0.5}))),
        "run_analyzer": ("RunAnalyzer", Prepare.run_analyzer(["The Quick Foxes", "jumped"],
                                                             analyzer_params={"type": "english"},
                                                             with_detail=True, with_hash=True)),
        "run_field_analyzer": ("RunAnalyzer", Prepare.run_analyzer("The Quick Foxes", collection_name="docs",
                                                                   field_name="text", analyzer_names=["en"])),
    }
    return {name: {"rpc": rpc, "bytes": base64.b64encode(request.SerializeToString()).decode()}
            for name, (rpc, request) in requests.items()}


def hybrid(ranker, **kwargs):
    """As MilvusClient.hybrid_search does: each sub-request prepared like a search, then the ranker."""
    subs = [AnnSearchRequest(data=[[0.1, 0.2, 0.3, 0.4]], anns_field="dense", param={"metric_type": "COSINE"},
                             limit=6, expr="year > 2000"),
            AnnSearchRequest(data=["quick fox"], anns_field="sparse", param={"metric_type": "BM25"}, limit=6)]
    requests = [Prepare.search_requests_with_expr(
        collection_name="docs", data=s.data, anns_field=s.anns_field, param=s.param, limit=s.limit,
        expr=s.expr) for s in subs]
    return Prepare.hybrid_search_request_with_ranker("docs", requests, ranker, 3, None, ["year"], **kwargs)


def main():
    command = json.load(sys.stdin)
    op = command["op"]
    if op == "prepare":
        json.dump(prepare(), sys.stdout)
        return
    client = MilvusClient(uri=command["uri"])
    if op == "create":
        out = create(client, command)
    elif op == "insert":
        out = {"count": client.insert(command["collection"], command["rows"])["insert_count"]}
    elif op == "search_text":
        results = client.search(command["collection"], data=command["texts"], anns_field="sparse",
                                limit=command["limit"], search_params={"metric_type": "BM25"},
                                consistency_level="Strong")
        out = {"hits": [[{"id": hit["id"], "distance": hit["distance"]} for hit in hits] for hits in results]}
    elif op == "hybrid_weighted":
        subs = [AnnSearchRequest(data=[command["dense"]], anns_field="dense", param={"metric_type": "COSINE"},
                                 limit=command["limit"]),
                AnnSearchRequest(data=[command["text"]], anns_field="sparse", param={"metric_type": "BM25"},
                                 limit=command["limit"])]
        hits = client.hybrid_search(command["collection"], subs, WeightedRanker(*command["weights"]),
                                    limit=command["limit"], consistency_level="Strong")[0]
        out = {"hits": [{"id": hit["id"], "distance": hit["distance"]} for hit in hits]}
    else:
        raise SystemExit("unknown op " + op)
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
