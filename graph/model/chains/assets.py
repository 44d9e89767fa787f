"""Currency codes as sources write them (OFAC SDN, OpenSanctions, GraphSense) -> chains."""

from __future__ import annotations

# OFAC SDN / OpenSanctions / GraphSense currency codes -> the chains they may mean, tried in
# order (BNB is the BSC token or a BNB Beacon `bnb1` address). Tokens living on many chains
# map to None: their chain is detected from the address.
ASSET_CHAINS: dict[str, tuple[str, ...] | None] = {
    "XBT": ("bitcoin",), "BTC": ("bitcoin",), "ETH": ("ethereum",), "TRX": ("tron",),
    "LTC": ("litecoin",), "DOGE": ("dogecoin",), "BCH": ("bitcoin-cash",), "BSC": ("bsc",),
    "BNB": ("bsc", "bnb-beacon"), "MATIC": ("polygon",), "POL": ("polygon",),
    "ARB": ("arbitrum",), "OP": ("optimism",), "AVAX": ("avalanche",), "FTM": ("fantom",),
    "ETC": ("ethereum-classic",), "XMR": ("monero",), "ZEC": ("zcash",), "DASH": ("dash",),
    "BTG": ("bitcoin-gold",), "BSV": ("bitcoin-sv",), "XVG": ("verge",), "SOL": ("solana",),
    "XRP": ("ripple",), "ADA": ("cardano",), "XLM": ("stellar",), "ALGO": ("algorand",),
    "TON": ("ton",), "DGB": ("digibyte",), "BASE": ("base",), "ZKSYNC": ("zksync",),
    "LINEA": ("linea",), "CELO": ("celo",), "GNO": ("gnosis",), "XDAI": ("gnosis",),
    "USDT": None, "USDC": None, "DAI": None, "BUSD": None,
}
