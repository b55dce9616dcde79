#!/usr/bin/env python3
"""Builds, without any server, the protobuf requests pymilvus (3.0.x) would send, and prints them as text format.

Usage: python prepare_request_example.py [name ...]      (no name: all; --list: the names)

pymilvus builds every request in pymilvus.client.prepare.Prepare (class methods, no I/O); the network code in
pymilvus.client.grpc_handler only calls them and sends the result. The requests below are the ones no local
server accepts (see docs/compatibility.md), so a test of our client can compare its request with pymilvus', field
by field, including parameters. Where pymilvus needs the collection's schema (upsert), the schema is made here the
way pymilvus makes it from a DescribeCollection answer.
"""

import sys

from google.protobuf import text_format
from pymilvus import (
    AnnSearchRequest,
    CollectionSchema,
    DataType,
    FieldSchema,
    Function,
    FunctionType,
    LexicalHighlighter,
    RRFRanker,
)
from pymilvus.client.abstract import CollectionSchema as DescribedSchema
from pymilvus.client.prepare import Prepare
from pymilvus.grpc_gen import milvus_pb2, schema_pb2

COLLECTION = "docs"
DIM = 4


def schema():
    return CollectionSchema([
        FieldSchema("id", DataType.INT64, is_primary=True),
        FieldSchema("vector", DataType.FLOAT_VECTOR, dim=DIM),
        FieldSchema("year", DataType.INT64),
        FieldSchema("cat", DataType.VARCHAR, max_length=16),
    ])


def described_fields():
    """The schema dict pymilvus caches from DescribeCollection (what its upsert uses as fields_info)."""
    create = Prepare.create_collection_request(COLLECTION, schema())
    proto = schema_pb2.CollectionSchema()
    proto.ParseFromString(create.schema)
    for i, field in enumerate(proto.fields):
        field.fieldID = 100 + i
    return DescribedSchema(raw=milvus_pb2.DescribeCollectionResponse(schema=proto)).dict()


def search_by_ids():
    """search(ids=[3, 5]) instead of vectors, with a filter template."""
    return "Search", Prepare.search_requests_with_expr(
        collection_name=COLLECTION, anns_field="vector", param={"metric_type": "COSINE", "params": {}}, limit=3,
        ids=[3, 5], expr="year > {min}", expr_params={"min": 2000}, output_fields=["year"])


def query_with_filter_template():
    """query(filter=..., filter_params=...): MilvusClient passes filter_params on as expr_params."""
    return "Query", Prepare.query_request(
        COLLECTION, "year > {min} and cat in {cats}", ["year"], [],
        expr_params={"min": 2000, "cats": ["a", "b"]}, limit=10)


def delete_with_filter_template_in_partition():
    return "Delete", Prepare.delete_request(
        COLLECTION, "year < {max} and cat == {cat}", partition_name="p1", consistency_level=0,
        expr_params={"max": 2000, "cat": "it's \"quoted\""})


def search_with_filter_template_groups_and_highlighter():
    highlighter = LexicalHighlighter(pre_tags=["<b>"], post_tags=["</b>"], highlight_search_text=True)
    return "Search", Prepare.search_requests_with_expr(
        collection_name=COLLECTION, anns_field="sparse", param={"metric_type": "BM25", "params": {}}, limit=3,
        data=["quick fox"], expr="cat in {cats}", expr_params={"cats": ["a", "b"]}, output_fields=["text"],
        group_by_field="cat", group_size=2, strict_group_size=True, highlighter=highlighter)


def search_with_boost_ranker():
    boost = Function(name="boost", function_type=FunctionType.RERANK, input_field_names=[],
                     params={"reranker": "boost", "filter": "year > 2017", "weight": 2.0})
    return "Search", Prepare.search_requests_with_expr(
        collection_name=COLLECTION, anns_field="vector", param={"metric_type": "COSINE", "params": {}}, limit=3,
        data=[[0.1, 0.2, 0.3, 0.4]], ranker=boost)


def search_with_decay_ranker():
    decay = Function(name="decay", function_type=FunctionType.RERANK, input_field_names=["year"],
                     params={"reranker": "decay", "function": "gauss", "origin": 2026, "scale": 6, "offset": 0,
                             "decay": 0.5})
    return "Search", Prepare.search_requests_with_expr(
        collection_name=COLLECTION, anns_field="vector", param={"metric_type": "COSINE", "params": {}}, limit=3,
        data=[[0.1, 0.2, 0.3, 0.4]], ranker=decay)


def hybrid_search_offset_group_by():
    """hybrid_search: each sub-request is built like a search (as grpc_handler.hybrid_search does)."""
    subs = [AnnSearchRequest(data=[[0.1, 0.2, 0.3, 0.4]], anns_field="vector", param={"metric_type": "COSINE"},
                             limit=6, expr="year > {min}", expr_params={"min": 2000}),
            AnnSearchRequest(data=["quick fox"], anns_field="sparse", param={"metric_type": "BM25"}, limit=6)]
    requests = [Prepare.search_requests_with_expr(
        collection_name=COLLECTION, data=s.data, anns_field=s.anns_field, param=s.param, limit=s.limit,
        expr=s.expr, expr_params=s.expr_params) for s in subs]
    return "HybridSearch", Prepare.hybrid_search_request_with_ranker(
        COLLECTION, requests, RRFRanker(60), 3, None, ["year"], offset=2, group_by_field="cat", group_size=2)


def partial_upsert():
    """upsert(partial_update=True) of one field: the vector is not sent."""
    info = described_fields()
    return "Upsert", Prepare.row_upsert_param(
        COLLECTION, [{"id": 2, "year": 1}], "", info["fields"], partial_update=True)


def add_collection_field():
    return "AddCollectionField", Prepare.add_collection_field_request(
        COLLECTION, FieldSchema("extra", DataType.INT64, nullable=True, default_value=7))


def alter_collection_field():
    return "AlterCollectionField", Prepare.alter_collection_field_request(COLLECTION, "cat", {"max_length": 64})


def alter_index_properties():
    return "AlterIndex", Prepare.alter_index_properties_request(COLLECTION, "vector", {"mmap.enabled": True})


def run_analyzer():
    return "RunAnalyzer", Prepare.run_analyzer(["The Quick Foxes"], analyzer_params={"type": "english"},
                                               with_detail=True)


def grant_privilege_v2():
    return "OperatePrivilegeV2", Prepare.operate_privilege_v2_request(
        "reader", "Search", milvus_pb2.OperatePrivilegeType.Grant, "default", COLLECTION)


def add_privileges_to_group():
    return "OperatePrivilegeGroup", Prepare.operate_privilege_group_req(
        "readers", ["Search", "Query"], milvus_pb2.OperatePrivilegeGroupType.AddPrivilegesToGroup)


EXAMPLES = [search_by_ids, query_with_filter_template, delete_with_filter_template_in_partition,
            search_with_filter_template_groups_and_highlighter, search_with_boost_ranker, search_with_decay_ranker,
            hybrid_search_offset_group_by, partial_upsert, add_collection_field, alter_collection_field,
            alter_index_properties, run_analyzer, grant_privilege_v2, add_privileges_to_group]


def main(argv):
    names = {f.__name__: f for f in EXAMPLES}
    if "--list" in argv:
        print("\n".join(names))
        return 0
    unknown = [a for a in argv if a not in names]
    if unknown:
        print(f"unknown example(s): {unknown}; try --list", file=sys.stderr)
        return 2
    for fn in ([names[a] for a in argv] or EXAMPLES):
        rpc, request = fn()
        print(f"# {fn.__name__}: {rpc} ({type(request).DESCRIPTOR.full_name})")
        print(text_format.MessageToString(request), end="")
        if rpc == "AddCollectionField":  # the field travels serialized: show it too
            field = schema_pb2.FieldSchema()
            field.ParseFromString(request.schema)
            print("# schema bytes, decoded as FieldSchema:")
            print(text_format.MessageToString(field), end="")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
