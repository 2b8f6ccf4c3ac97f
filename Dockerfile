# Gate Lab, following Streamlit's documented Docker pattern (one process per container:
# scale with replicas and a sticky load balancer, see deploy/kubernetes.yaml).
FROM python:3.11-slim
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY app.py ./
COPY .streamlit/ .streamlit/
COPY lstm_core/ lstm_core/
COPY ui/ ui/
COPY viz/ viz/
COPY pages/ pages/
COPY live/ live/
EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=5s CMD curl --fail http://localhost:8501/_stcore/health || exit 1
ENTRYPOINT ["streamlit", "run", "app.py", "--server.port=8501", "--server.address=0.0.0.0"]
