#!/usr/bin/env python3
"""Prints the last price of each symbol from a running demo (standard library only)."""
import json
import os
import sys
import urllib.request

SYMBOLS = ["SPY", "QQQ", "AAPL", "MSFT"]


def main() -> int:
    port = os.environ.get("DEMO_PORT", "47310")
    base = f"http://127.0.0.1:{port}"
    for symbol in SYMBOLS:
        with urllib.request.urlopen(f"{base}/api/market/quote/{symbol}", timeout=5) as response:
            quote = json.load(response)
        print(f"{symbol:5} {quote.get('price')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
