"""FollowTheMoney: entity streams (JSON lines) and CSV through a mapping file."""
