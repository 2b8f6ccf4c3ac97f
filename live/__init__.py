"""The live class's store (no Streamlit, no NumPy): ``live.store``."""
