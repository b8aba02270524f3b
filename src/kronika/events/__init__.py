"""Event coding: trigger lexicons, roles, modality and typologies."""
