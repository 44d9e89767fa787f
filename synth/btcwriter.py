"""Bitcoin transactions as bitcoin-etl writes them (JSON lines with inputs[] and outputs[])."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from synth import chains
from synth.chains import BtcIn, BtcOut, BtcTx
from synth.keys import Keys
from synth.writers import ChunkedLines, FileEntry, dumps

# Sizes in bytes of a version-1 transaction's parts, for plausible size/virtual_size.
TX_OVERHEAD, LEGACY_INPUT, SEGWIT_INPUT_VBYTES, OUTPUT = 10, 148, 68, 34


def vsize(inputs: int, outputs: int, segwit: bool) -> int:
    per_input = SEGWIT_INPUT_VBYTES if segwit else LEGACY_INPUT
    return TX_OVERHEAD + inputs * per_input + outputs * OUTPUT


def block_hash(keys: Keys, block: int) -> str:
    # Real block hashes start with ~19 zero hex digits (proof of work); keep the look.
    return "0" * 19 + keys.hex64("btc-block", block)[19:]


class BitcoinEtlWriter:
    """bitcoin-etl `transactions` in its streaming JSON-lines form."""

    def __init__(self, out: Path, keys: Keys, per_file: int) -> None:
        self.keys = keys
        self.lines = ChunkedLines(out, "synthetic/bitcoin", "synthetic-transactions", "bitcoin-etl",
                                  per_file)
        self._block, self._index, self.count, self.transfers = -1, 0, 0, 0

    def _input(self, n: int, i: BtcIn) -> dict[str, Any]:
        segwit = i.addr.kind == "p2wpkh"
        sig = "" if segwit else self.keys.hex64("sig", i.prev_tx, i.prev_index) * 2
        return {"index": n, "spent_transaction_hash": i.prev_tx, "spent_output_index": i.prev_index,
                "script_asm": sig[:140] + "[ALL]" if sig else "", "script_hex": sig[:144],
                "sequence": 4294967293, "required_signatures": None if i.addr.kind == "p2sh" else 1,
                "type": i.addr.etl_type, "addresses": [i.addr.address], "value": i.value}

    @staticmethod
    def _output(n: int, o: BtcOut) -> dict[str, Any]:
        asm, hexs = o.addr.script
        return {"index": n, "script_asm": asm, "script_hex": hexs,
                "required_signatures": None if o.addr.kind == "p2sh" else 1,
                "type": o.addr.etl_type, "addresses": [o.addr.address], "value": o.value}

    def write(self, tx: BtcTx) -> None:
        block, block_ts = chains.btc_block(tx.ts_ms)
        # Index 0 of each block belongs to the coinbase, which the generator leaves out.
        self._index = self._index + 1 if block == self._block else 1
        self._block = block
        txid = self.keys.hex64("tx", tx.key)
        segwit = tx.inputs[0].addr.kind == "p2wpkh"
        size = vsize(len(tx.inputs), len(tx.outputs), segwit)
        in_value, out_value = sum(i.value for i in tx.inputs), sum(o.value for o in tx.outputs)
        self.lines.write(dumps({
            "type": "transaction", "hash": txid,
            "size": size + (107 * len(tx.inputs) if segwit else 0),
            "virtual_size": size, "version": 2, "lock_time": 0, "block_number": block,
            "block_hash": block_hash(self.keys, block), "block_timestamp": block_ts,
            "is_coinbase": False, "index": self._index,
            "inputs": [self._input(n, i) for n, i in enumerate(tx.inputs)],
            "outputs": [self._output(n, o) for n, o in enumerate(tx.outputs)],
            "input_count": len(tx.inputs), "output_count": len(tx.outputs),
            "input_value": in_value, "output_value": out_value, "fee": in_value - out_value,
            "item_id": f"transaction_{txid}",
        }))
        self.count += 1
        # Change back to a sender is no transfer (ingest/formats/chains/bitcoin_etl: no self-edge).
        senders = {i.addr.address for i in tx.inputs}
        self.transfers += len({o.addr.address for o in tx.outputs} - senders)

    def close(self) -> list[FileEntry]:
        self.lines.close()
        return self.lines.files
