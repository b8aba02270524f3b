"""Places and their GeoNames identities."""
