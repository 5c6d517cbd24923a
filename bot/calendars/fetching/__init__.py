"""Reading a feed URL safely: public addresses only, pinned, bounded in time and size."""
