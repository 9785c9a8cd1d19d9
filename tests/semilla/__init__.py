"""The seed: the database built from seed/ and the synthetic bench databases."""
