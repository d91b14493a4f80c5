#!/usr/bin/env python3
"""Open-loop load at a fixed rate over many keep-alive connections, with the arrivals spread evenly.

Usage: paced-load.py URL --connections 1000 --rate 1000 --seconds 10 [--header 'Authorization: Bearer …']

Each connection sends one request every connections/rate seconds; connection i starts i/rate seconds after the
first, so the requests arrive evenly (1,000 connections at 1,000 req/s: one request a millisecond), which is what
"1,000 req/s offered over 1,000 connections" means. `hey -c 1000 -q 1` offers the same average, but its workers
tick together: a burst of 1,000 requests at once, every second (docs/benchmarks.md, "Read API").

A latency is measured from the moment the request was due, not from when it was sent: a connection still waiting
for its previous answer sends late, and the wait counts (no coordinated omission). Prints the rate achieved, the
percentiles, the status codes and the errors (a request without an answer within 2 s counts as a time-out). The
first --warm-up seconds (3) run the same load unmeasured: a dashboard's connection is long-lived, and opening a
thousand at once is a different test.
"""
import argparse
import asyncio
import time
from urllib.parse import urlsplit


async def connection(index, args, host, port, request, results, start):
    period = args.connections / args.rate
    due = start - args.warm_up + index / args.rate
    end = start + args.seconds
    reader = writer = None
    while due < end:
        await asyncio.sleep(max(0.0, due - time.monotonic()))
        try:
            if writer is None:
                reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port), 2)
            writer.write(request)
            status = await asyncio.wait_for(read_response(reader), 2 - max(0.0, time.monotonic() - due))
            if due >= start:
                results.append((time.monotonic() - due, status))
        except (asyncio.TimeoutError, OSError, ValueError) as failure:
            if due >= start:
                results.append((None, type(failure).__name__))
            if writer is not None:
                writer.close()
            reader = writer = None
        due += period
    if writer is not None:
        writer.close()


async def read_response(reader):
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ")[1])
    length = None
    chunked = False
    for line in lines[1:]:
        name, _, value = line.partition(":")
        if name.lower() == "content-length":
            length = int(value.strip())
        elif name.lower() == "transfer-encoding" and "chunked" in value.lower():
            chunked = True
    if chunked:
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    elif length:
        await reader.readexactly(length)
    return status


def percentile(sorted_values, p):
    return sorted_values[min(len(sorted_values) - 1, int(p / 100 * len(sorted_values)))]


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--connections", type=int, default=1000)
    parser.add_argument("--rate", type=float, default=1000)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--header", action="append", default=[])
    parser.add_argument("--warm-up", type=float, default=3,
                        help="seconds of the same load before the measured ones: the connections are opened then")
    args = parser.parse_args()
    url = urlsplit(args.url)
    path = url.path + ("?" + url.query if url.query else "")
    headers = "".join(h + "\r\n" for h in args.header)
    request = f"GET {path} HTTP/1.1\r\nHost: {url.netloc}\r\n{headers}\r\n".encode()
    results = []
    start = time.monotonic() + 0.5 + args.warm_up
    await asyncio.gather(*(connection(i, args, url.hostname, url.port, request, results, start)
                           for i in range(args.connections)))
    took = time.monotonic() - start
    latencies = sorted(r[0] for r in results if r[0] is not None)
    statuses = {}
    for _, status in results:
        statuses[status] = statuses.get(status, 0) + 1
    print(f"   offered {args.rate:.0f} req/s over {args.connections} connections, evenly spread, {args.seconds:.0f} s:"
          f" {len(latencies) / took:.1f} answered/s")
    if latencies:
        print("   p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms" % tuple(
            1000 * v for v in (percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 99),
                               latencies[-1])))
    print("   answers: " + ", ".join(f"[{k}] {v}" for k, v in sorted(statuses.items(), key=lambda kv: str(kv[0]))))


if __name__ == "__main__":
    asyncio.run(main())
