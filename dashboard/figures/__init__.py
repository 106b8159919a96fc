"""Pure figure functions: DataFrame in, Plotly figure (a plain dict, cheap to send) out; no Dash."""
