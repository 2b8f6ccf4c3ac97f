"""Figure builders: (trace, step, options) -> plotly Figure or text. No Streamlit here."""
