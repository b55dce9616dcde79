#!/usr/bin/env python3
"""Probes which Milvus features a running server supports, using pymilvus (3.0.x) as the client.

Usage: python probe.py --uri http://127.0.0.1:19530 --server-name lite-3.2 [--token root:Milvus] [--only a,b]

Prints one JSON object per line: {"server", "feature", "status", "detail", ...}. Status is one of
  yes      the call succeeded AND its result was checked (e.g. the unsent vector is still there)
  no       the call failed; "answer" quotes the error (exception type, code, message) - a ParamError is
           pymilvus refusing before anything is sent, anything else is the server's answer
  ignored  the call succeeded but the result shows the parameter had no effect
  skipped  a prerequisite failed (named in "detail")
This probes pymilvus against servers; it is not a test of our Java client.
"""

import argparse
import json
import math
import sys
import time
import traceback

import grpc

from google.protobuf import text_format
from pymilvus import (
    AnnSearchRequest,
    DataType,
    Function,
    FunctionType,
    LexicalHighlighter,
    MilvusClient,
    MilvusException,
    RRFRanker,
    WeightedRanker,
)

PREFIX = "probe_"
DIM = 8
TEXTS = [
    "the quick brown fox jumps over the lazy dog",
    "a brown dog sleeps in the sun",
    "milvus is a vector database for similarity search",
    "full text search uses bm25 scoring",
    "the fox and the hound are friends",
    "quick brown fox",
    "hybrid search combines dense and sparse vectors",
    "a lazy afternoon with a good book",
    "vector databases store embeddings",
    "the hound chased the quick fox",
    "sparse vectors are good for keywords",
    "dense vectors capture meaning",
]
N = len(TEXTS)
CATS = ["a", "b", "c"]


def vec(i):
    return [math.sin(i * (j + 1) * 0.7) + 0.01 * j for j in range(DIM)]


def row(i, **extra):
    r = {"id": i, "vector": vec(i), "year": 1990 + 3 * i, "cat": CATS[i % 3], "text": TEXTS[i - 1]}
    r.update(extra)
    return r


ROWS = [row(i) for i in range(1, N + 1)]


class Outcome(Exception):
    """Raised by a probe to end with a status other than yes."""

    def __init__(self, status, detail, **extra):
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.extra = extra


def ignored(detail, **extra):
    raise Outcome("ignored", detail, **extra)


def skipped(detail):
    raise Outcome("skipped", detail)


def answer(exc):
    """The error as the server (or pymilvus) gave it."""
    code = getattr(exc, "code", None)
    if callable(code):  # grpc.RpcError
        try:
            return f"{type(exc).__name__}(grpc={exc.code().name}, details={exc.details()!r})"
        except Exception:  # noqa: BLE001
            return f"{type(exc).__name__}: {exc}"
    message = getattr(exc, "message", None) or str(exc)
    parts = [type(exc).__name__ + "("]
    if code is not None:
        parts.append(f"code={code}, ")
    compat = getattr(exc, "compatible_code", None)
    if compat is not None:
        parts.append(f"error_code={compat}, ")
    parts.append(f"message={message!r})")
    return "".join(parts)


class GrpcStatusError(MilvusException):
    """A gRPC status other than UNAVAILABLE/UNIMPLEMENTED, raised so that pymilvus does not retry it 75 times."""

    def __init__(self, rpc, error):
        super().__init__(code=-1, message=f"{rpc}: gRPC {error.code().name}: {error.details()!r}")


class Done:
    """A completed future (what pymilvus uses of grpc futures)."""

    def __init__(self, value):
        self.value = value

    def result(self, timeout=None):
        return self.value

    def exception(self, timeout=None):
        return None

    def done(self):
        return True

    def cancel(self):
        return False

    def add_done_callback(self, fn):
        fn(self)


class RecordingStub:
    """Wraps the gRPC stub of pymilvus and keeps the last request and response of each RPC."""

    def __init__(self, stub):
        self._stub = stub
        self.last = {}
        self.attempted = None
        self.failed = None

    def __getattr__(self, name):
        target = getattr(self._stub, name)
        if not callable(target):
            return target
        recorder = self

        class Call:
            def __call__(self, request, *args, **kwargs):
                recorder.attempted = name
                try:
                    response = target(request, *args, **kwargs)
                    status = getattr(response, "status", response)
                    if getattr(status, "code", 0) or getattr(status, "error_code", 0):
                        recorder.failed = name
                except grpc.RpcError as error:
                    recorder.failed = name
                    if error.code() in (grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.UNIMPLEMENTED):
                        raise
                    raise GrpcStatusError(name, error) from error
                recorder.last[name] = (request, response)
                return response

            def future(self, request, *args, **kwargs):
                # run synchronously, so that errors are converted as above
                return Done(self(request, *args, **kwargs))

            def with_call(self, request, *args, **kwargs):
                return target.with_call(request, *args, **kwargs)

        return Call()


PROBES = []


def probe(name):
    def register(fn):
        PROBES.append((name, fn))
        return fn

    return register


class Ctx:
    def __init__(self, uri, token, server):
        self.uri = uri
        self.token = token
        self.server = server
        self.client = self.new_client(token)
        handler = self.client._get_connection()
        self.recorder = RecordingStub(handler._stub)
        handler._stub = self.recorder
        self.state = {}  # name -> True when a prerequisite is ready

    def new_client(self, token):
        kwargs = {"uri": self.uri, "timeout": 120}
        if token:
            kwargs["token"] = token
        return MilvusClient(**kwargs)

    def raw(self, rpc):
        return self.recorder.last.get(rpc, (None, None))

    def drop(self, name):
        try:
            if self.client.has_collection(name):
                self.client.drop_collection(name)
        except Exception:  # noqa: BLE001
            pass


def base_schema(c, dynamic=False, **field_extra):
    schema = c.create_schema(auto_id=False, enable_dynamic_field=dynamic)
    schema.add_field("id", DataType.INT64, is_primary=True)
    schema.add_field("vector", DataType.FLOAT_VECTOR, dim=DIM)
    schema.add_field("year", DataType.INT64, **field_extra.get("year", {}))
    schema.add_field("cat", DataType.VARCHAR, max_length=16, **field_extra.get("cat", {}))
    schema.add_field("text", DataType.VARCHAR, max_length=256)
    return schema


def dense_index(c):
    index = c.prepare_index_params()
    index.add_index("vector", index_type="FLAT", metric_type="COSINE")
    return index


def make_plain(ctx, name, dynamic=False, **field_extra):
    c = ctx.client
    ctx.drop(name)
    c.create_collection(name, schema=base_schema(c, dynamic, **field_extra), index_params=dense_index(c),
                        consistency_level="Strong")
    return name


def insert_rows(ctx, name, rows, partition=None):
    kwargs = {"partition_name": partition} if partition else {}
    res = ctx.client.insert(name, rows, **kwargs)
    if res.get("insert_count") != len(rows):
        raise Outcome("no", f"insert_count {res.get('insert_count')} != {len(rows)}")


def ids_of(rows):
    return sorted(r["id"] for r in rows)


def hit_ids(hits):
    return [h["id"] for h in hits]


def count(ctx, name, **kwargs):
    res = ctx.client.query(name, filter="", output_fields=["count(*)"], **kwargs)
    return res[0]["count(*)"]


def expect(cond, detail):
    if not cond:
        raise Outcome("ignored", detail)


def plain_search(ctx, name, limit=5, **kwargs):
    return ctx.client.search(name, data=[vec(1)], anns_field="vector", limit=limit,
                             search_params={"metric_type": "COSINE"}, output_fields=["year", "cat"], **kwargs)[0]


# ---------------------------------------------------------------- basics


@probe("server_version")
def p_version(ctx):
    return {"version": ctx.client.get_server_version()}


@probe("create_with_schema_and_index_params_loads")
def p_create_loads(ctx):
    name = make_plain(ctx, PREFIX + "plain")
    insert_rows(ctx, name, ROWS)
    state = ctx.client.get_load_state(name)
    ctx.state["plain"] = True
    expect("Loaded" in str(state.get("state")), f"load state after create: {state}")
    hits = plain_search(ctx, name)
    expect(hits and hits[0]["id"] == 1, f"search after create returned {hit_ids(hits)}")
    return {"load_state": str(state.get("state"))}


@probe("quick_create_id_type_and_names")
def p_quick(ctx):
    c = ctx.client
    name = PREFIX + "quick"
    ctx.drop(name)
    c.create_collection(name, dimension=DIM, primary_field_name="pk", id_type="string",
                        vector_field_name="emb", max_length=64, metric_type="L2", consistency_level="Strong")
    desc = c.describe_collection(name)
    fields = {f["name"]: f for f in desc["fields"]}
    expect("pk" in fields and fields["pk"]["type"] == DataType.VARCHAR and fields["pk"].get("is_primary"),
           f"fields: {fields}")
    expect("emb" in fields, f"fields: {list(fields)}")
    c.insert(name, [{"pk": "k1", "emb": vec(1)}])
    got = c.get(name, ids=["k1"])
    expect(len(got) == 1, f"get by string id: {got}")
    return {"fields": {k: str(v["type"]) for k, v in fields.items()},
            "load_state": str(c.get_load_state(name).get("state"))}


def max_dim(ctx, dim):
    c = ctx.client
    name = PREFIX + f"dim{dim}"
    ctx.drop(name)
    schema = c.create_schema(auto_id=False)
    schema.add_field("id", DataType.INT64, is_primary=True)
    schema.add_field("vector", DataType.FLOAT_VECTOR, dim=dim)
    c.create_collection(name, schema=schema)
    try:
        c.insert(name, [{"id": 1, "vector": [0.5] * dim}])
        inserted = True
    except Exception as exc:  # noqa: BLE001
        inserted = answer(exc)
    ctx.drop(name)
    return {"created": True, "insert_one_row": inserted}


@probe("max_dim_32768")
def p_dim32k(ctx):
    return max_dim(ctx, 32768)


@probe("max_dim_40000")
def p_dim40k(ctx):
    return max_dim(ctx, 40000)


@probe("dynamic_field")
def p_dynamic(ctx):
    name = make_plain(ctx, PREFIX + "dyn", dynamic=True)
    insert_rows(ctx, name, [row(1, color="red"), row(2, color="blue")])
    res = ctx.client.query(name, filter='color == "red"', output_fields=["color"])
    expect([r["id"] for r in res] == [1] and res[0].get("color") == "red", f"query on dynamic key: {res}")
    return {}


def scalar_collection(ctx, name, **field):
    c = ctx.client
    ctx.drop(name)
    schema = c.create_schema(auto_id=False)
    schema.add_field("id", DataType.INT64, is_primary=True)
    schema.add_field("vector", DataType.FLOAT_VECTOR, dim=DIM)
    schema.add_field("f", field.pop("dtype"), **field)
    c.create_collection(name, schema=schema, index_params=dense_index(c), consistency_level="Strong")
    desc = [f for f in c.describe_collection(name)["fields"] if f["name"] == "f"][0]
    _, raw = ctx.raw("DescribeCollection")
    wire = [text_format.MessageToString(f, as_one_line=True) for f in raw.schema.fields if f.name == "f"]
    return desc, wire


def read_f(ctx, name):
    res = sorted(ctx.client.query(name, filter="id > 0", output_fields=["f"]), key=lambda r: r["id"])
    return [(r["id"], r.get("f")) for r in res]


@probe("nullable_field")
def p_nullable(ctx):
    name = PREFIX + "nullable"
    desc, wire = scalar_collection(ctx, name, dtype=DataType.INT64, nullable=True)
    expect(desc.get("nullable") is True, f"create accepted, but describe lost nullable; on the wire: {wire}")
    ctx.client.insert(name, [{"id": 1, "vector": vec(1)}, {"id": 2, "vector": vec(2), "f": 5},
                             {"id": 3, "vector": vec(3), "f": None}])
    got = read_f(ctx, name)
    expect(got == [(1, None), (2, 5), (3, None)], f"rows read back: {got}")
    return {"wire": wire}


@probe("default_value_field")
def p_default(ctx):
    name = PREFIX + "default"
    desc, wire = scalar_collection(ctx, name, dtype=DataType.VARCHAR, max_length=16, default_value="dflt")
    expect(desc.get("default_value") is not None, f"create accepted, but describe lost default_value; wire: {wire}")
    ctx.client.insert(name, [{"id": 1, "vector": vec(1)}, {"id": 2, "vector": vec(2), "f": "x"}])
    got = read_f(ctx, name)
    expect(got == [(1, "dflt"), (2, "x")], f"rows read back: {got}")
    return {"wire": wire}


@probe("nullable_with_default")
def p_nullable_default(ctx):
    name = PREFIX + "nulldef"
    desc, wire = scalar_collection(ctx, name, dtype=DataType.INT64, nullable=True, default_value=7)
    ctx.client.insert(name, [{"id": 1, "vector": vec(1)}, {"id": 2, "vector": vec(2), "f": None},
                             {"id": 3, "vector": vec(3), "f": 3}])
    got = read_f(ctx, name)
    # Milvus: a missing value or a None for a nullable field with a default takes the default.
    expect(got == [(1, 7), (2, 7), (3, 3)], f"rows read back: {got}; wire: {wire}")
    return {"wire": wire}


@probe("partition_key_num_partitions")
def p_partition_key(ctx):
    c = ctx.client
    name = PREFIX + "pkey"
    ctx.drop(name)
    schema = base_schema(c, cat={"is_partition_key": True})
    c.create_collection(name, schema=schema, index_params=dense_index(c), num_partitions=16,
                        consistency_level="Strong")
    insert_rows(ctx, name, ROWS)
    parts = c.list_partitions(name)
    desc = c.describe_collection(name)
    res = c.query(name, filter='cat == "a"', output_fields=["cat"])
    expect(ids_of(res) == [i for i in range(1, N + 1) if CATS[i % 3] == "a"], f"query by key: {ids_of(res)}")
    key_field = [f for f in desc["fields"] if f["name"] == "cat"][0]
    expect(key_field.get("is_partition_key") is True, f"describe cat: {key_field}")
    expect(len([p for p in parts if p != "_default"]) == 16, f"{len(parts)} partitions listed: {parts[:5]}...")
    return {"partitions": len(parts), "names": parts[:3], "num_partitions": desc.get("num_partitions")}


@probe("clustering_key")
def p_clustering(ctx):
    name = make_plain(ctx, PREFIX + "ckey", year={"is_clustering_key": True})
    insert_rows(ctx, name, ROWS)
    desc = ctx.client.describe_collection(name)
    field = [f for f in desc["fields"] if f["name"] == "year"][0]
    _, raw = ctx.raw("DescribeCollection")
    raw_field = [f for f in raw.schema.fields if f.name == "year"][0] if raw else None
    expect(field.get("is_clustering_key") is True,
           f"describe year: {field}; raw: {text_format.MessageToString(raw_field, as_one_line=True) if raw_field else None}")
    return {}


@probe("sparse_vectors")
def p_sparse(ctx):
    c = ctx.client
    name = PREFIX + "sparse"
    ctx.drop(name)
    schema = c.create_schema(auto_id=False)
    schema.add_field("id", DataType.INT64, is_primary=True)
    schema.add_field("sv", DataType.SPARSE_FLOAT_VECTOR)
    index = c.prepare_index_params()
    index.add_index("sv", index_type="SPARSE_INVERTED_INDEX", metric_type="IP")
    c.create_collection(name, schema=schema, index_params=index, consistency_level="Strong")
    c.insert(name, [{"id": i, "sv": {i: 1.0, 100 + i: 0.5}} for i in range(1, 6)])
    hits = c.search(name, data=[{3: 1.0}], anns_field="sv", limit=3, search_params={"metric_type": "IP"})[0]
    expect(hit_ids(hits)[:1] == [3], f"sparse search: {hit_ids(hits)}")
    got = c.get(name, ids=[3], output_fields=["sv"])
    return {"read_back": str(got[0].get("sv")) if got else None}


# ---------------------------------------------------------------- full text


def bm25_schema(c, analyzer=None, match=True, multi=False):
    schema = c.create_schema(auto_id=False)
    schema.add_field("id", DataType.INT64, is_primary=True)
    schema.add_field("vector", DataType.FLOAT_VECTOR, dim=DIM)
    schema.add_field("year", DataType.INT64)
    schema.add_field("cat", DataType.VARCHAR, max_length=16)
    text = {"max_length": 1000, "enable_analyzer": True}
    if match:
        text["enable_match"] = True
    if multi:
        schema.add_field("lang", DataType.VARCHAR, max_length=16)
        text["multi_analyzer_params"] = {
            "analyzers": {"english": {"type": "english"}, "default": {"tokenizer": "standard"}},
            "by_field": "lang",
            "alias": {"en": "english"},
        }
    else:
        text["analyzer_params"] = analyzer or {"tokenizer": "standard", "filter": ["lowercase"]}
    schema.add_field("text", DataType.VARCHAR, **text)
    schema.add_field("sparse", DataType.SPARSE_FLOAT_VECTOR)
    schema.add_function(Function(name="text_bm25", function_type=FunctionType.BM25,
                                 input_field_names=["text"], output_field_names=["sparse"]))
    index = c.prepare_index_params()
    index.add_index("vector", index_type="FLAT", metric_type="COSINE")
    index.add_index("sparse", index_type="SPARSE_INVERTED_INDEX", metric_type="BM25")
    return schema, index


def need(ctx, key):
    if not ctx.state.get(key):
        skipped(f"needs '{key}', which failed on this server")


@probe("bm25_function_create")
def p_bm25(ctx):
    c = ctx.client
    name = PREFIX + "bm25"
    ctx.drop(name)
    schema, index = bm25_schema(c)
    c.create_collection(name, schema=schema, index_params=index, consistency_level="Strong")
    ctx.state["bm25_created"] = True
    return {}


@probe("describe_returns_function_and_analyzer")
def p_describe_bm25(ctx):
    need(ctx, "bm25_created")
    desc = ctx.client.describe_collection(PREFIX + "bm25")
    _, raw = ctx.raw("DescribeCollection")
    text_field = [f for f in raw.schema.fields if f.name == "text"][0]
    sparse_field = [f for f in raw.schema.fields if f.name == "sparse"][0]
    wire = {
        "text_field": text_format.MessageToString(text_field, as_one_line=True),
        "sparse_field": text_format.MessageToString(sparse_field, as_one_line=True),
        "functions": [text_format.MessageToString(f, as_one_line=True) for f in raw.schema.functions],
    }
    funcs = desc.get("functions") or []
    tfield = [f for f in desc["fields"] if f["name"] == "text"][0]
    params = tfield.get("params", {})
    expect(len(funcs) == 1 and funcs[0]["input_field_names"] == ["text"], f"functions: {funcs}; wire: {wire}")
    expect(str(params.get("enable_analyzer")).lower() == "true" and "analyzer_params" in params
           and str(params.get("enable_match")).lower() == "true", f"text params: {params}; wire: {wire}")
    return {"wire": wire, "pymilvus_text_params": {k: str(v) for k, v in params.items()}}


@probe("bm25_insert_text_and_search_by_text")
def p_bm25_search(ctx):
    need(ctx, "bm25_created")
    c = ctx.client
    name = PREFIX + "bm25"
    c.insert(name, [{k: v for k, v in r.items()} for r in ROWS])
    hits = c.search(name, data=["fox"], anns_field="sparse", limit=5, search_params={"metric_type": "BM25"},
                    output_fields=["text"])[0]
    fox = {i for i in range(1, N + 1) if "fox" in TEXTS[i - 1].split()}
    expect(hits and set(hit_ids(hits)) == fox, f"text search hits {hit_ids(hits)}, rows with 'fox': {sorted(fox)}")
    ctx.state["bm25"] = True
    return {"hits": [(h["id"], round(h["distance"], 4)) for h in hits]}


@probe("analyzer_english_stemming")
def p_english(ctx):
    c = ctx.client
    name = PREFIX + "english"
    ctx.drop(name)
    schema, index = bm25_schema(c, analyzer={"type": "english"}, match=False)
    c.create_collection(name, schema=schema, index_params=index, consistency_level="Strong")
    c.insert(name, ROWS)
    hits = c.search(name, data=["foxes"], anns_field="sparse", limit=5, search_params={"metric_type": "BM25"})[0]
    fox = {i for i in range(1, N + 1) if "fox" in TEXTS[i - 1].split()}
    expect(set(hit_ids(hits)) == fox, f"'foxes' with the english analyzer found {hit_ids(hits)}, want {sorted(fox)}")
    return {}


@probe("multi_analyzer")
def p_multi(ctx):
    c = ctx.client
    name = PREFIX + "multi"
    ctx.drop(name)
    schema, index = bm25_schema(c, match=False, multi=True)
    c.create_collection(name, schema=schema, index_params=index, consistency_level="Strong")
    c.insert(name, [dict(r, lang="en") for r in ROWS])
    desc = c.describe_collection(name)
    params = [f for f in desc["fields"] if f["name"] == "text"][0].get("params", {})
    hits = c.search(name, data=["fox"], anns_field="sparse", limit=5,
                    search_params={"metric_type": "BM25", "analyzer_name": "english"})[0]
    fox = {i for i in range(1, N + 1) if "fox" in TEXTS[i - 1].split()}
    expect(set(hit_ids(hits)) == fox, f"search 'fox' with analyzer_name english returned {hit_ids(hits)}; "
           f"text params {params}")
    _, raw = ctx.raw("DescribeCollection")
    wire = text_format.MessageToString([f for f in raw.schema.fields if f.name == "text"][0], as_one_line=True)
    expect("multi_analyzer_params" in params, f"describe drops multi_analyzer_params; text field on the wire: {wire}")
    return {"text_params": {k: str(v) for k, v in params.items()}, "hits": hit_ids(hits)}


@probe("text_match_filter")
def p_text_match(ctx):
    need(ctx, "bm25")
    res = ctx.client.query(PREFIX + "bm25", filter='TEXT_MATCH(text, "hound")', output_fields=["text"])
    want = [i for i in range(1, N + 1) if "hound" in TEXTS[i - 1].split()]
    expect(ids_of(res) == want, f"TEXT_MATCH ids {ids_of(res)} != {want}")
    return {"ids": ids_of(res)}


@probe("phrase_match_filter")
def p_phrase_match(ctx):
    need(ctx, "bm25")
    res = ctx.client.query(PREFIX + "bm25", filter='PHRASE_MATCH(text, "quick brown")', output_fields=["text"])
    want = [i for i in range(1, N + 1) if "quick brown" in TEXTS[i - 1]]
    expect(ids_of(res) == want, f"PHRASE_MATCH ids {ids_of(res)} != {want}")
    return {"ids": ids_of(res)}


@probe("run_analyzer")
def p_run_analyzer(ctx):
    res = ctx.client.run_analyzer("The Quick Foxes", analyzer_params={"type": "english"})
    tokens = [getattr(t, "token", t) for t in (res.tokens if hasattr(res, "tokens") else res)]
    return {"result": str(res)[:300], "tokens": [str(t) for t in tokens][:10]}


@probe("highlighter")
def p_highlight(ctx):
    need(ctx, "bm25")
    hl = LexicalHighlighter(pre_tags=["<b>"], post_tags=["</b>"], highlight_search_text=True)
    hits = ctx.client.search(PREFIX + "bm25", data=["hound"], anns_field="sparse", limit=3,
                             search_params={"metric_type": "BM25"}, output_fields=["text"], highlighter=hl)[0]
    marks = [h.get("highlight") for h in hits]
    expect(any(m and "<b>" in json.dumps(m) for m in marks), f"no highlight on hits: {marks}")
    return {"highlight": marks[:2]}


# ---------------------------------------------------------------- hybrid search and rankers


def dense_req(field="vector", limit=6, metric="COSINE", i=1, expr=None):
    return AnnSearchRequest(data=[vec(i)], anns_field=field, param={"metric_type": metric}, limit=limit,
                            expr=expr)


def text_req(query="fox", limit=6):
    return AnnSearchRequest(data=[query], anns_field="sparse", param={"metric_type": "BM25"}, limit=limit)


@probe("hybrid_search_dense_dense_rrf")
def p_hybrid_dense(ctx):
    need(ctx, "plain")
    c = ctx.client
    hits = c.hybrid_search(PREFIX + "plain", [dense_req(i=1), dense_req(i=2)], RRFRanker(60), limit=4)[0]
    want = {}
    for i in (1, 2):
        single = c.search(PREFIX + "plain", data=[vec(i)], anns_field="vector", limit=6,
                          search_params={"metric_type": "COSINE"})[0]
        for rank, h in enumerate(single, start=1):
            want[h["id"]] = want.get(h["id"], 0.0) + 1.0 / (60 + rank)
    got = [(h["id"], round(h["distance"], 6), round(want.get(h["id"], -1), 6)) for h in hits]
    expect(len(hits) == 4 and all(abs(h["distance"] - want.get(h["id"], -1)) < 1e-5 for h in hits),
           f"RRF(60) scores [id, server, computed]: {got}")
    return {"id_score_computed": got}


@probe("hybrid_search_dense_bm25_rrf")
def p_hybrid_rrf(ctx):
    need(ctx, "bm25")
    hits = ctx.client.hybrid_search(PREFIX + "bm25", [dense_req(), text_req()], RRFRanker(60), limit=5)[0]
    expect(len(hits) == 5, f"hybrid hits {hit_ids(hits)}")
    ctx.state["hybrid"] = True
    return {"hits": [(h["id"], round(h["distance"], 5)) for h in hits]}


@probe("hybrid_search_dense_bm25_weighted")
def p_hybrid_weighted(ctx):
    need(ctx, "bm25")
    c = ctx.client
    only_text = c.hybrid_search(PREFIX + "bm25", [dense_req(), text_req()], WeightedRanker(0.0, 1.0), limit=3)[0]
    only_dense = c.hybrid_search(PREFIX + "bm25", [dense_req(), text_req()], WeightedRanker(1.0, 0.0), limit=3)[0]
    fox = {i for i in range(1, N + 1) if "fox" in TEXTS[i - 1].split()}
    expect(set(hit_ids(only_text)) <= fox, f"weights (0,1) gave {hit_ids(only_text)}, 'fox' rows {sorted(fox)}")
    expect(hit_ids(only_dense)[0] == 1, f"weights (1,0) gave {hit_ids(only_dense)}")
    return {"text_only": hit_ids(only_text), "dense_only": hit_ids(only_dense)}


@probe("hybrid_search_offset")
def p_hybrid_offset(ctx):
    coll, reqs = hybrid_target(ctx)
    c = ctx.client
    full = c.hybrid_search(coll, reqs(), RRFRanker(60), limit=6)[0]
    paged = c.hybrid_search(coll, reqs(), RRFRanker(60), limit=3, offset=2)[0]
    expect(hit_ids(paged) == hit_ids(full)[2:5], f"offset 2: {hit_ids(paged)}, full: {hit_ids(full)}")
    return {"full": hit_ids(full), "offset2": hit_ids(paged)}


def hybrid_target(ctx):
    if ctx.state.get("bm25"):
        return PREFIX + "bm25", lambda: [dense_req(), text_req()]
    need(ctx, "plain")
    return PREFIX + "plain", lambda: [dense_req(i=1), dense_req(i=2)]


@probe("hybrid_search_group_by")
def p_hybrid_group(ctx):
    coll, reqs = hybrid_target(ctx)
    hits = ctx.client.hybrid_search(coll, reqs(), RRFRanker(60), limit=3, group_by_field="cat",
                                    output_fields=["cat"])[0]
    cats = [h.get("cat") for h in hits]
    expect(len(cats) == len(set(cats)), f"hybrid group_by cat returned cats {cats} (ids {hit_ids(hits)})")
    _, raw = ctx.raw("HybridSearch")
    has_gv = raw is not None and raw.results.HasField("group_by_field_value")
    return {"cats": cats, "group_value_on_wire": has_gv}


def boost(filter_, weight):
    return Function(name="boost", function_type=FunctionType.RERANK, input_field_names=[],
                    params={"reranker": "boost", "filter": filter_, "weight": weight})


def decay(fn):
    return Function(name="decay", function_type=FunctionType.RERANK, input_field_names=["year"],
                    params={"reranker": "decay", "function": fn, "origin": 2026, "scale": 6, "offset": 0,
                            "decay": 0.5})


@probe("function_ranker_boost")
def p_boost(ctx):
    need(ctx, "plain")
    base = plain_search(ctx, PREFIX + "plain", limit=N)
    boosted = plain_search(ctx, PREFIX + "plain", limit=N, ranker=boost("year > 2017", 10.0))
    base_scores = {h["id"]: h["distance"] for h in base}
    rows = [(h["id"], h["year"], round(base_scores[h["id"]], 4), round(h["distance"], 4)) for h in boosted]
    boosted_ok = all(abs(h["distance"] - base_scores[h["id"]] * (10.0 if h["year"] > 2017 else 1.0)) < 1e-4
                     for h in boosted)
    expect(boosted_ok, f"boost weight 10 on year > 2017, [id, year, base, boosted]: {rows}")
    return {"id_year_base_boosted": rows[:4]}


def decay_probe(ctx, fn):
    need(ctx, "plain")
    base = plain_search(ctx, PREFIX + "plain", limit=N)
    decayed = plain_search(ctx, PREFIX + "plain", limit=N, ranker=decay(fn))
    base_scores = {h["id"]: h["distance"] for h in base}
    pairs = [(h["id"], h["year"], round(base_scores[h["id"]], 4), round(h["distance"], 4)) for h in decayed[:4]]
    expect(hit_ids(decayed) != hit_ids(base) and any(abs(h["distance"] - base_scores[h["id"]]) > 1e-6
                                                     for h in decayed),
           f"decay {fn} had no effect: base {hit_ids(base)[:5]}, decayed {hit_ids(decayed)[:5]}")
    return {"id_year_base_decayed": pairs}


@probe("function_ranker_decay_gauss")
def p_gauss(ctx):
    return decay_probe(ctx, "gauss")


@probe("function_ranker_decay_exp")
def p_exp(ctx):
    return decay_probe(ctx, "exp")


@probe("function_ranker_decay_linear")
def p_linear(ctx):
    return decay_probe(ctx, "linear")


@probe("group_by_with_group_size_strict")
def p_group(ctx):
    need(ctx, "plain")
    hits = plain_search(ctx, PREFIX + "plain", limit=2, group_by_field="cat", group_size=2, strict_group_size=True)
    cats = [h.get("cat") for h in hits]
    per_group = {c: cats.count(c) for c in set(cats)}
    _, raw = ctx.raw("Search")
    gv = None
    if raw is not None and raw.results.HasField("group_by_field_value"):
        gv = text_format.MessageToString(raw.results.group_by_field_value, as_one_line=True)[:300]
    detail = {"cats": cats, "per_group": per_group, "group_value_on_wire": gv}
    expect(len(per_group) == 2 and all(v == 2 for v in per_group.values()),
           f"group_by cat, limit 2, group_size 2 gave cats {cats}; wire group value: {gv}")
    expect(gv is not None, f"no group_by_field_value in SearchResultData; {detail}")
    return detail


@probe("group_by_plain")
def p_group_plain(ctx):
    need(ctx, "plain")
    hits = plain_search(ctx, PREFIX + "plain", limit=3, group_by_field="cat")
    cats = [h.get("cat") for h in hits]
    expect(len(cats) == 3 and len(set(cats)) == 3, f"group_by cat limit 3 gave cats {cats}")
    return {"cats": cats}


@probe("search_by_primary_keys")
def p_search_ids(ctx):
    need(ctx, "plain")
    hits = ctx.client.search(PREFIX + "plain", ids=[3], anns_field="vector", limit=3,
                             search_params={"metric_type": "COSINE"})[0]
    expect(hits and hits[0]["id"] == 3 and abs(hits[0]["distance"] - 1.0) < 1e-3, f"search by id 3: {hits}")
    return {"hits": [(h["id"], round(h["distance"], 4)) for h in hits]}


# ---------------------------------------------------------------- filter templates


@probe("filter_template_query")
def p_tpl_query(ctx):
    need(ctx, "plain")
    res = ctx.client.query(PREFIX + "plain", filter="year > {min} and cat in {cats}",
                           filter_params={"min": 2010, "cats": ["a", "b"]}, output_fields=["year"])
    want = [r["id"] for r in ROWS if r["year"] > 2010 and r["cat"] in ("a", "b")]
    expect(ids_of(res) == want, f"template query ids {ids_of(res)} != {want}")
    req, _ = ctx.raw("Query")
    return {"ids": ids_of(res), "wire_expr": req.expr,
            "wire_template_keys": sorted(req.expr_template_values.keys())}


@probe("filter_template_search")
def p_tpl_search(ctx):
    need(ctx, "plain")
    hits = plain_search(ctx, PREFIX + "plain", limit=N, filter="year > {min}", filter_params={"min": 2010})
    want = sorted(r["id"] for r in ROWS if r["year"] > 2010)
    expect(sorted(hit_ids(hits)) == want, f"template search ids {sorted(hit_ids(hits))} != {want}")
    return {}


@probe("filter_template_delete")
def p_tpl_delete(ctx):
    name = make_plain(ctx, PREFIX + "tpldel")
    insert_rows(ctx, name, ROWS)
    ctx.client.delete(name, filter="year < {max}", filter_params={"max": 2000})
    left = ids_of(ctx.client.query(name, filter="id > 0"))
    want = [r["id"] for r in ROWS if r["year"] >= 2000]
    expect(left == want, f"after templated delete: {left}, expected {want}")
    return {}


# ---------------------------------------------------------------- writes and partitions


@probe("partial_upsert")
def p_partial(ctx):
    c = ctx.client
    name = make_plain(ctx, PREFIX + "partial")
    insert_rows(ctx, name, ROWS[:3])
    c.upsert(name, [{"id": 2, "year": 1}], partial_update=True)
    got = c.get(name, ids=[2], output_fields=["vector", "year", "cat", "text"])
    expect(len(got) == 1, f"row 2 after partial upsert: {got}")
    g = got[0]
    same_vector = all(abs(a - b) < 1e-5 for a, b in zip(g["vector"], vec(2)))
    expect(g["year"] == 1 and same_vector and g["cat"] == ROWS[1]["cat"] and g["text"] == ROWS[1]["text"],
           f"row 2 after partial upsert: year={g['year']} cat={g['cat']!r} vector kept={same_vector}")
    return {}


def make_partitioned(ctx):
    c = ctx.client
    name = make_plain(ctx, PREFIX + "parts")
    c.create_partition(name, "p1")
    c.create_partition(name, "p2")
    insert_rows(ctx, name, ROWS[:6], partition="p1")
    insert_rows(ctx, name, ROWS[6:], partition="p2")
    return name


@probe("partitions_create_insert")
def p_parts(ctx):
    name = make_partitioned(ctx)
    ctx.state["parts"] = True
    return {"partitions": ctx.client.list_partitions(name)}


@probe("get_from_partition")
def p_get_part(ctx):
    need(ctx, "parts")
    got = ctx.client.get(PREFIX + "parts", ids=[1, 7], partition_names=["p1"])
    expect(ids_of(got) == [1], f"get ids [1,7] from p1 gave {ids_of(got)}")
    return {}


@probe("query_from_partition")
def p_query_part(ctx):
    need(ctx, "parts")
    got = ctx.client.query(PREFIX + "parts", filter="id > 0", partition_names=["p2"])
    expect(ids_of(got) == list(range(7, N + 1)), f"query p2 gave {ids_of(got)}")
    return {}


@probe("delete_by_filter_in_partition")
def p_delete_part(ctx):
    need(ctx, "parts")
    name = PREFIX + "parts"
    ctx.client.delete(name, filter="id > 0", partition_name="p1")
    left = ids_of(ctx.client.query(name, filter="id > 0"))
    expect(left == list(range(7, N + 1)), f"after delete 'id > 0' in p1, rows left: {left}")
    return {}


@probe("truncate_collection")
def p_truncate(ctx):
    name = make_plain(ctx, PREFIX + "trunc")
    insert_rows(ctx, name, ROWS)
    ctx.client.truncate_collection(name)
    try:
        left = count(ctx, name)
    except Exception:  # noqa: BLE001 - a truncated collection may need loading again
        ctx.client.load_collection(name)
        left = count(ctx, name)
    expect(left == 0, f"{left} rows after truncate")
    return {}


# ---------------------------------------------------------------- schema evolution


@probe("add_collection_field")
def p_add_field(ctx):
    c = ctx.client
    name = make_plain(ctx, PREFIX + "addf")
    insert_rows(ctx, name, ROWS[:2])
    c.add_collection_field(name, "extra", DataType.INT64, nullable=True)
    fields = [f["name"] for f in c.describe_collection(name)["fields"]]
    expect("extra" in fields, f"fields after add: {fields}")
    c.insert(name, [row(3, extra=42)])
    res = sorted(c.query(name, filter="id > 0", output_fields=["extra"]), key=lambda r: r["id"])
    got = [(r["id"], r.get("extra")) for r in res]
    expect(got == [(1, None), (2, None), (3, 42)], f"rows read back: {got}")
    return {}


def props(ctx, name):
    return ctx.client.describe_collection(name).get("properties", {})


@probe("alter_collection_properties_ttl")
def p_ttl(ctx):
    c = ctx.client
    name = make_plain(ctx, PREFIX + "props")
    c.alter_collection_properties(name, {"collection.ttl.seconds": 3600})
    after = props(ctx, name)
    expect(str(after.get("collection.ttl.seconds")) == "3600", f"properties after alter: {after}")
    ctx.state["ttl"] = True
    return {"after_alter": after}


@probe("drop_collection_properties")
def p_drop_props(ctx):
    need(ctx, "ttl")
    name = PREFIX + "props"
    ctx.client.drop_collection_properties(name, property_keys=["collection.ttl.seconds"])
    dropped = props(ctx, name)
    expect("collection.ttl.seconds" not in dropped, f"properties after drop: {dropped}")
    return {}


@probe("alter_collection_properties_mmap")
def p_mmap(ctx):
    c = ctx.client
    name = make_plain(ctx, PREFIX + "mmap")
    c.release_collection(name)
    c.alter_collection_properties(name, {"mmap.enabled": True})
    after = props(ctx, name)
    c.load_collection(name)
    expect(str(after.get("mmap.enabled")).lower() == "true", f"properties after alter: {after}")
    return {"after_alter": after}


@probe("alter_collection_field")
def p_alter_field(ctx):
    c = ctx.client
    name = make_plain(ctx, PREFIX + "altf")
    c.alter_collection_field(name, "text", {"max_length": 512})
    field = [f for f in c.describe_collection(name)["fields"] if f["name"] == "text"][0]
    expect(str(field.get("params", {}).get("max_length")) == "512", f"text field after alter: {field}")
    return {}


@probe("alter_index_properties")
def p_alter_index(ctx):
    c = ctx.client
    name = make_plain(ctx, PREFIX + "alti")
    index_name = c.list_indexes(name)[0]
    c.release_collection(name)
    c.alter_index_properties(name, index_name, {"mmap.enabled": True})
    desc = c.describe_index(name, index_name)
    expect(str(desc.get("mmap.enabled")).lower() == "true", f"index after alter: {desc}")
    ctx.state["index_props"] = index_name
    return {"index": {k: str(v) for k, v in desc.items()}}


@probe("drop_index_properties")
def p_drop_index_props(ctx):
    need(ctx, "index_props")
    c = ctx.client
    name, index_name = PREFIX + "alti", ctx.state["index_props"]
    c.drop_index_properties(name, index_name, property_keys=["mmap.enabled"])
    desc = c.describe_index(name, index_name)
    expect("mmap.enabled" not in desc, f"index after drop property: {desc}")
    return {}


@probe("describe_database")
def p_describe_db(ctx):
    return {"default": ctx.client.describe_database("default")}


@probe("alter_database_properties")
def p_alter_db(ctx):
    c = ctx.client
    db = PREFIX + "db"
    if db in c.list_databases():
        c.drop_database(db)
    c.create_database(db)
    try:
        c.alter_database_properties(db, {"database.max.collections": 10})
        desc = c.describe_database(db)
        expect(str(desc.get("database.max.collections")) == "10", f"database after alter: {desc}")
        c.drop_database_properties(db, property_keys=["database.max.collections"])
        after = c.describe_database(db)
        expect("database.max.collections" not in after, f"database after drop property: {after}")
        return {"after_alter": desc}
    finally:
        c.drop_database(db)


# ---------------------------------------------------------------- roles and privileges


@probe("rbac_create_role_grant_describe")
def p_role(ctx):
    c = ctx.client
    role = PREFIX + "reader"
    if role in c.list_roles():
        drop_role(c, role)
    c.create_role(role)
    c.grant_privilege(role, "Collection", "Search", PREFIX + "plain")
    c.grant_privilege(role, "Collection", "Query", PREFIX + "plain")
    c.grant_privilege(role, "Collection", "Load", PREFIX + "plain")
    c.grant_privilege(role, "Global", "DescribeCollection", "*")
    desc = c.describe_role(role)
    privs = sorted(p.get("privilege") for p in desc.get("privileges", []))
    expect({"Search", "Query"} <= set(privs), f"describe_role: {desc}")
    ctx.state["role"] = True
    return {"privileges": privs}


def drop_role(c, role):
    try:
        for p in c.describe_role(role).get("privileges", []):
            c.revoke_privilege(role, p["object_type"], p["privilege"], p["object_name"], db_name=p.get("db_name"))
    except Exception:  # noqa: BLE001
        pass
    c.drop_role(role, force_drop=True)


@probe("rbac_grant_privilege_v2")
def p_grant_v2(ctx):
    c = ctx.client
    role = PREFIX + "v2"
    if role in c.list_roles():
        drop_role(c, role)
    c.create_role(role)
    try:
        c.grant_privilege_v2(role, "Search", PREFIX + "plain", db_name="default")
        desc = c.describe_role(role)
        expect(any(p.get("privilege") == "Search" for p in desc.get("privileges", [])), f"describe_role: {desc}")
        c.revoke_privilege_v2(role, "Search", PREFIX + "plain", db_name="default")
        return {}
    finally:
        drop_role(c, role)


@probe("rbac_privilege_groups")
def p_priv_groups(ctx):
    c = ctx.client
    group = PREFIX + "grp"
    try:
        c.drop_privilege_group(group)
    except Exception:  # noqa: BLE001
        pass
    c.create_privilege_group(group)
    try:
        c.add_privileges_to_group(group, ["Search", "Query"])
        groups = c.list_privilege_groups()
        mine = [g for g in groups if g.get("privilege_group") == group]
        expect(mine and set(mine[0].get("privileges", [])) == {"Search", "Query"}, f"privilege groups: {groups}")
        return {"group": mine}
    finally:
        try:
            c.remove_privileges_from_group(group, ["Search", "Query"])
        except Exception:  # noqa: BLE001
            pass
        c.drop_privilege_group(group)


@probe("rbac_user_describe_update_password")
def p_user(ctx):
    c = ctx.client
    user = PREFIX + "user"
    if user in c.list_users():
        c.drop_user(user)
    c.create_user(user, "Passw0rd-1")
    ctx.state["user"] = True
    if ctx.state.get("role"):
        c.grant_role(user, PREFIX + "reader")
    desc = c.describe_user(user)
    c.update_password(user, "Passw0rd-1", "Passw0rd-2")
    ctx.state["user_password"] = "Passw0rd-2"
    try:
        ctx.new_client(f"{user}:Passw0rd-1").list_collections()
        old_ok = True
    except Exception:  # noqa: BLE001
        old_ok = False
    expect(not old_ok, "old password still accepted after update_password")
    return {"describe_user": desc}


def wait_for(fn, timeout=20.0):
    """Privilege changes reach the proxy through a cache: retry until fn() is truthy."""
    end = time.time() + timeout
    last = None
    while time.time() < end:
        last = fn()
        if last:
            return last
        time.sleep(1)
    return last


@probe("rbac_read_only_user_enforced_and_revoke")
def p_enforced(ctx):
    need(ctx, "role")
    need(ctx, "user")
    need(ctx, "plain")
    user = ctx.new_client(f"{PREFIX}user:{ctx.state.get('user_password', 'Passw0rd-1')}")

    def try_(fn):
        try:
            fn()
            return "ok"
        except Exception as exc:  # noqa: BLE001
            return answer(exc)

    search = lambda: user.search(PREFIX + "plain", data=[vec(1)], anns_field="vector", limit=1,  # noqa: E731
                                 search_params={"metric_type": "COSINE"})
    s = wait_for(lambda: try_(search) == "ok") and "ok"
    q = try_(lambda: user.query(PREFIX + "plain", filter="id > 0", limit=1))
    ins = try_(lambda: user.insert(PREFIX + "plain", [row(1, id=99)]))
    drop = try_(lambda: user.drop_collection(PREFIX + "plain"))
    ctx.client.revoke_privilege(PREFIX + "reader", "Collection", "Search", PREFIX + "plain")
    after = wait_for(lambda: try_(search) != "ok", timeout=30) and try_(search)
    detail = {"search": s or try_(search), "query": q, "insert": ins, "drop_collection": drop,
              "search_after_revoke": after}
    expect(s == "ok" and q == "ok" and ins != "ok" and drop != "ok" and after not in (None, False, "ok"),
           f"read-only role not enforced as expected: {detail}")
    return detail


# ---------------------------------------------------------------- runner


def cleanup(ctx):
    c = ctx.client
    try:
        for name in c.list_collections():
            if name.startswith(PREFIX):
                c.drop_collection(name)
    except Exception:  # noqa: BLE001
        pass
    for fn in (lambda: c.drop_user(PREFIX + "user"),
               lambda: drop_role(c, PREFIX + "reader")):
        try:
            fn()
        except Exception:  # noqa: BLE001
            pass


def alive(ctx):
    """Whether the server still answers (some servers crash on some requests)."""
    try:
        MilvusClient(uri=ctx.uri, token=ctx.token or "", timeout=10).list_collections(timeout=10)
        return True
    except Exception:  # noqa: BLE001
        return False


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--uri", required=True)
    parser.add_argument("--server-name", required=True)
    parser.add_argument("--token", default=None, help="user:password when the server has authorization enabled")
    parser.add_argument("--only", default=None, help="comma-separated feature names")
    parser.add_argument("--skip", default=None, help="comma-separated feature names not to run (e.g. one that kills the server)")
    parser.add_argument("--keep", action="store_true", help="keep the probe collections")
    args = parser.parse_args()
    ctx = Ctx(args.uri, args.token, args.server_name)
    only = set(args.only.split(",")) if args.only else None
    skip = set(args.skip.split(",")) if args.skip else set()
    died = None
    if not args.keep:
        cleanup(ctx)
    for name, fn in PROBES:
        if (only and name not in only) or name in skip:
            continue
        if died:
            print(json.dumps({"server": args.server_name, "feature": name, "status": "skipped",
                              "detail": f"the server died during '{died}'"}), flush=True)
            continue
        started = time.time()
        out = {"server": args.server_name, "feature": name}
        ctx.recorder.attempted = None
        ctx.recorder.failed = None
        try:
            detail = fn(ctx) or {}
            out.update(status="yes", detail=detail)
        except Outcome as o:
            out.update(status=o.status, detail=o.detail, **o.extra)
        except Exception as exc:  # noqa: BLE001
            out.update(status="no", answer=answer(exc))
            if ctx.recorder.failed and not isinstance(exc, GrpcStatusError):
                out["rpc"] = ctx.recorder.failed
            if isinstance(exc, (NameError, AttributeError, TypeError, KeyError, IndexError)):
                out["trace"] = traceback.format_exc(limit=3)[-600:]
        out["seconds"] = round(time.time() - started, 2)
        if out["status"] != "yes" and not alive(ctx):
            died = name
            out["server_died"] = True
        print(json.dumps(out, default=str), flush=True)
    if not args.keep:
        cleanup(ctx)


if __name__ == "__main__":
    sys.exit(main())
