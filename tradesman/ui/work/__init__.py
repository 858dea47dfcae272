"""The Work page: enquiries, quotes, jobs won, marketing spend and takings."""
