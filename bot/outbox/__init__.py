"""The durable outbox: side effects recorded with their cause, delivered by workers with retries."""
