"""Pages of the bulletins, one module per part (lists.py and subscriptions.py: the distribution lists;
sending.py: sending an issue)."""
