"""GraphSense TagPacks (address attributions) and ActorPacks (the actors they name)."""
