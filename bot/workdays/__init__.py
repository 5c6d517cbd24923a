"""Working days and public holidays: each person's week and region, the workspace's defaults,
and the Home tab part and commands that change them."""
