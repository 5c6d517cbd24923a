"""What a person sees of ooo: the Home tab drawn from each capability's part, and refreshes."""
