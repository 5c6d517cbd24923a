"""What an organisation decides about absences: types of absence and hidden reasons, working
weeks and holiday regions, and who may act for others."""
