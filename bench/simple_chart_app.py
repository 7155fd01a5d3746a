"""A bare one-layer Altair chart: what any Streamlit chart costs to show."""

import altair as alt
import pandas as pd
import streamlit as st

data = pd.DataFrame({"year": [2008, 2009, 2010], "value": [12.2, None, 34.0]})
st.altair_chart(alt.Chart(data).mark_point().encode(x="year:O", y="value:Q"))
