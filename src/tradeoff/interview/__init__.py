"""The mock interview: phases and timing, personas, the interviewer's policy, the transcript."""
