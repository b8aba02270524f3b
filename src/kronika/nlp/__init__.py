"""Language tools shared by the stages: tokens with normalised and lemma keys."""
